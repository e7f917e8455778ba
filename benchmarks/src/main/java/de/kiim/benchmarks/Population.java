package de.kiim.benchmarks;

import de.kiim.testsupport.ApiClient;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A synthetic population recorded through the command API, as agencies would record it. Each person has 10 to 60
 * events: a registration, then moves within the district; the number of moves is {@code 9 + floor(51 u²)} for
 * uniform u, so most persons have few events and some many (mean about 27), as in a real caseload. Names are
 * synthetic ("Benchmark-<n>").
 */
final class Population {

    private static final String[] MUNICIPALITIES = {"15085135", "15085370", "15085235"};

    final List<String> personIds = Collections.synchronizedList(new ArrayList<>());
    int events;

    static Population record(ApiClient commands, int persons, int clients, long seed) throws Exception {
        Population population = new Population();
        Random random = new Random(seed);
        int[] moves = new int[persons];
        for (int i = 0; i < persons; i++) {
            double u = random.nextDouble();
            moves[i] = 9 + (int) Math.floor(51 * u * u);
            population.events += 1 + moves[i];
        }
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<?>> work = new ArrayList<>();
        for (int i = 0; i < persons; i++) {
            int number = i;
            work.add(pool.submit(() -> {
                String personId = register(commands, number);
                population.personIds.add(personId);
                for (int move = 0; move < moves[number]; move++) {
                    move(commands, personId, MUNICIPALITIES[move % MUNICIPALITIES.length]);
                }
                return null;
            }));
        }
        for (Future<?> future : work) {
            future.get();
        }
        pool.shutdown();
        return population;
    }

    static String register(ApiClient commands, int number) {
        var response = commands.post(
                "/api/v1/persons",
                "abh",
                ApiClient.json(Map.of(
                        "familyName",
                        "Benchmark-" + number,
                        "givenNames",
                        "Testa Synthetika",
                        "dateOfBirth",
                        "19" + (60 + number % 40) + "-0" + (1 + number % 9) + "-1" + number % 10,
                        "sex",
                        number % 2 == 0 ? "FEMALE" : "MALE",
                        "nationality",
                        number % 3 == 0 ? "SY" : "UA",
                        "entryDate",
                        "2016-0" + (1 + number % 9) + "-01",
                        "azrNumber",
                        String.format("%012d", number),
                        "municipality",
                        MUNICIPALITIES[number % MUNICIPALITIES.length])));
        require(response, 201);
        return response.json().path("personId").asText();
    }

    static void move(ApiClient commands, String personId, String municipality) {
        require(
                commands.post(
                        "/api/v1/persons/" + personId + "/moves", "abh", "{\"municipality\":\"" + municipality + "\"}"),
                204);
    }

    private static void require(ApiClient.Response response, int status) {
        if (response.status() != status) {
            throw new IllegalStateException("expected HTTP " + status + ", got " + response.status());
        }
    }
}
