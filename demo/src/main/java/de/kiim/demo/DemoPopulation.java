package de.kiim.demo;

import de.kiim.testsupport.ApiClient;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Records the synthetic demo population through the command API, person by person on several clients, as the demo
 * users of the local profile (password {@code demo}). Every request carries an idempotency key made of the seed,
 * the person's number and the step's, so running it again the same day changes nothing.
 *
 * <p>Usage: {@code DemoPopulation COMMAND_API_BASE_URL [PERSONS [SEED]]} (defaults 2000 and 2026).
 */
public final class DemoPopulation {

    static final int CLIENTS = 8;
    /** Failures printed, by their problem's rule; the rest are only counted. */
    private static final int SHOWN_FAILURES = 10;

    private final ApiClient commands;
    private final long seed;
    private final LocalDate today;
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger failures = new AtomicInteger();

    public DemoPopulation(ApiClient commands, long seed, LocalDate today) {
        this.commands = commands;
        this.seed = seed;
        this.today = today;
    }

    public static void main(String[] args) throws Exception {
        String base = args.length > 0 ? args[0] : "http://localhost:8081";
        int persons = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 2026;
        DemoPopulation population =
                new DemoPopulation(new ApiClient(base), seed, LocalDate.now(ZoneId.of("Europe/Berlin")));
        long started = System.nanoTime();
        population.record(persons);
        System.out.printf(
                "[kiim] demo population: %d persons, %d requests in %d s%s%n",
                persons,
                population.requests(),
                (System.nanoTime() - started) / 1_000_000_000L,
                population.failures() == 0 ? "" : ", " + population.failures() + " requests failed");
        System.exit(population.failures() == 0 ? 0 : 1);
    }

    /** Requests sent so far. */
    public int requests() {
        return requests.get();
    }

    /** Requests answered with anything but 2xx. */
    public int failures() {
        return failures.get();
    }

    /** Records persons 0 to {@code persons} − 1 of the seed's population. */
    public void record(int persons) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Future<?>> work = new ArrayList<>();
            AtomicInteger done = new AtomicInteger();
            for (int number = 0; number < persons; number++) {
                IntegrationPath path = IntegrationPaths.generate(number, seed, today);
                work.add(clients.submit(() -> {
                    record(path);
                    int finished = done.incrementAndGet();
                    if (finished % 250 == 0) {
                        System.out.printf("[kiim] demo population: %d of %d persons%n", finished, persons);
                    }
                }));
            }
            for (Future<?> future : work) {
                future.get();
            }
        } finally {
            clients.shutdown();
        }
    }

    /** Registers the person (confirming a likely duplicate as someone else: names repeat) and records the steps. */
    void record(IntegrationPath path) {
        ApiClient.Response registered = send("abh", "/api/v1/persons", path.registration(), key(path, 0));
        if (registered.status() == 409 && registered.json().path("candidates").isArray()) {
            Map<String, Object> distinct = new LinkedHashMap<>(path.registration());
            List<String> candidates = new ArrayList<>();
            registered.json().path("candidates").forEach(candidate -> candidates.add(candidate.asText()));
            distinct.put("confirmedDistinctFrom", candidates);
            registered = send("abh", "/api/v1/persons", distinct, key(path, 0) + "-distinct");
        }
        if (!succeeded(registered, "registration")) {
            return;
        }
        String person = "/api/v1/persons/" + registered.json().path("personId").asText();
        Map<String, String> ids = new HashMap<>();
        for (int i = 0; i < path.steps().size(); i++) {
            Step step = path.steps().get(i);
            String target = step.path();
            for (Map.Entry<String, String> id : ids.entrySet()) {
                target = target.replace("{" + id.getKey() + "}", id.getValue());
            }
            if (target.contains("{")) {
                continue; // the step it depends on failed
            }
            ApiClient.Response answer = send(step.user(), person + target, step.body(), key(path, i + 1));
            if (succeeded(answer, step.path()) && step.captures() != null) {
                String field = step.captures().startsWith("course") ? "enrolmentId" : "employmentId";
                ids.put(step.captures(), answer.json().path(field).asText());
            }
        }
    }

    private ApiClient.Response send(String user, String path, Map<String, Object> body, String key) {
        requests.incrementAndGet();
        return commands.post(path, user, ApiClient.json(body), Map.of("Idempotency-Key", key));
    }

    private String key(IntegrationPath path, int step) {
        return "demo-population-" + seed + "-" + path.number() + "-" + step;
    }

    private boolean succeeded(ApiClient.Response answer, String what) {
        if (answer.status() / 100 == 2) {
            return true;
        }
        if (failures.incrementAndGet() <= SHOWN_FAILURES) {
            System.err.printf(
                    "[kiim] demo population: %s answered %d %s%n",
                    what, answer.status(), answer.json().path("rule").asText(""));
        }
        return false;
    }
}
