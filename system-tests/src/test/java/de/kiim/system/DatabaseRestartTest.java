package de.kiim.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import de.kiim.testsupport.ApiClient;
import de.kiim.testsupport.LocalPostgres;
import de.kiim.testsupport.ServiceProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * PostgreSQL restarted under load, as a data centre does for patches, with both services running as real processes
 * on a PostgreSQL of the test's own (never the machine's shared one): every registration answered 2xx is in the
 * event store and in the views afterwards; while the database is away commands and reads answer 503 with
 * {@code Retry-After} within a few seconds, never 500, health says DOWN, and everything recovers by itself.
 */
class DatabaseRestartTest {

    private static final int CLIENTS = 4;
    /** Bounds on the load, whatever happens: registrations in all, and the test's whole load phase. */
    private static final int MAX_REGISTRATIONS = 1_500;

    private static final Duration MAX_LOAD = Duration.ofSeconds(60);
    private static final Duration OUTAGE = Duration.ofSeconds(5);
    /** Registrations acknowledged before the restart, and after it, before the load stops. */
    private static final int ACKNOWLEDGED_BEFORE = 20;

    private static final int ACKNOWLEDGED_AFTER = 20;
    /** A 503 must come this fast: the connection timeout (2 s) and some room for a slow shared machine. */
    private static final long ANSWER_WITHIN_MILLIS = 5_000;

    private static final String REGISTRAR = "abh-harz";

    @TempDir
    Path directory;

    /** One request and its answer, or the client-side failure it met. */
    record Outcome(
            String what,
            long startedAtMillis,
            long tookMillis,
            int status,
            String retryAfter,
            String contentType,
            String body,
            String personId,
            String failure) {
        /** For a command on an existing person: which request it was, in {@code personId}'s place. */
        Outcome withCorrelationId(String correlationId) {
            return new Outcome(
                    what, startedAtMillis, tookMillis, status, retryAfter, contentType, body, correlationId, failure);
        }
    }

    @Test
    void a_restart_under_load_loses_nothing_acknowledged_and_answers_503_with_retry_after_meanwhile() throws Exception {
        try (var postgres = LocalPostgres.Background.start(directory.resolve("pgdata"))) {
            var server = postgres.server();
            server.ensureDatabase("kiim_restart");
            String url = server.jdbcUrl("kiim_restart") + "?reWriteBatchedInserts=true";
            Path kek = ScaleOut.kekFile(directory);
            var commandStart = CompletableFuture.supplyAsync(unchecked(() -> ServiceProcess.start(
                    Path.of(".."),
                    "command-service",
                    "restart-command",
                    url,
                    server.user(),
                    server.password(),
                    kek,
                    Path.of("target", "processes"))));
            var queryStart = CompletableFuture.supplyAsync(unchecked(() -> ServiceProcess.start(
                    Path.of(".."),
                    "query-service",
                    "restart-query",
                    url,
                    server.user(),
                    server.password(),
                    kek,
                    Path.of("target", "processes"))));
            try (var command = commandStart.get(180, TimeUnit.SECONDS);
                    var query = queryStart.get(180, TimeUnit.SECONDS)) {
                var jdbc = new JdbcTemplate(new DriverManagerDataSource(url, server.user(), server.password()));
                String known = ScaleOut.register(command.api, 0);
                await().atMost(Duration.ofSeconds(30))
                        .pollInterval(Duration.ofMillis(200))
                        .until(() ->
                                query.api.get("/api/v1/persons/" + known, "abh").status() == 200);

                Queue<Outcome> outcomes = new ConcurrentLinkedQueue<>();
                AtomicBoolean stop = new AtomicBoolean();
                AtomicInteger numbers = new AtomicInteger(1);
                AtomicInteger acknowledged = new AtomicInteger();
                long origin = System.nanoTime();
                ExecutorService clients = Executors.newFixedThreadPool(CLIENTS + 4);
                List<Future<?>> work = new ArrayList<>();
                for (int client = 0; client < CLIENTS; client++) {
                    work.add(clients.submit(() -> {
                        while (!stop.get() && numbers.get() <= MAX_REGISTRATIONS) {
                            int number = numbers.getAndIncrement();
                            var outcome = call(
                                    "register",
                                    origin,
                                    () -> command.api.post("/api/v1/persons", "abh", ApiClient.json(person(number))));
                            outcomes.add(outcome);
                            if (outcome.status() == 201) {
                                acknowledged.incrementAndGet();
                            }
                        }
                    }));
                }
                // One person moved again and again: a command on a cached person whose transaction the outage
                // breaks must leave neither the cache nor the stream behind (no gap, no lost or extra event).
                AtomicInteger moves = new AtomicInteger();
                work.add(clients.submit(() -> {
                    while (!stop.get()) {
                        int move = moves.incrementAndGet();
                        outcomes.add(call(
                                        "move",
                                        origin,
                                        () -> command.api.post(
                                                "/api/v1/persons/" + known + "/moves",
                                                "abh",
                                                ApiClient.json(Map.of(
                                                        "municipality", move % 2 == 0 ? "15085370" : "15085235")),
                                                Map.of("X-Correlation-Id", "restart-move-" + move)))
                                .withCorrelationId("restart-move-" + move));
                        pause(50);
                    }
                }));
                work.add(clients.submit(() -> poll(
                        stop,
                        outcomes,
                        () -> call("read", origin, () -> query.api.get("/api/v1/persons/" + known, "abh")))));
                work.add(clients.submit(() -> poll(
                        stop,
                        outcomes,
                        () -> call("command-health", origin, () -> command.api.get("/actuator/health", null)))));
                work.add(clients.submit(() -> poll(
                        stop,
                        outcomes,
                        () -> call("query-health", origin, () -> query.api.get("/actuator/health", null)))));

                long deadline = System.nanoTime() + MAX_LOAD.toNanos();
                awaitCount(acknowledged, ACKNOWLEDGED_BEFORE, deadline);
                long stoppedAt = millisSince(origin);
                postgres.stop();
                long downAt = millisSince(origin);
                // Failures before any controller runs: the idempotency filter's look-up, and the directory asked
                // for a user no request has authenticated yet.
                String keyed = ApiClient.json(person(0));
                Map<String, String> key = Map.of("Idempotency-Key", "restart-keyed-1");
                Outcome keyedDuringOutage =
                        call("keyed-register", origin, () -> command.api.post("/api/v1/persons", "abh", keyed, key));
                Outcome firstLogin =
                        call("first-login", origin, () -> query.api.get("/api/v1/persons/" + known, "kim"));
                outcomes.add(keyedDuringOutage);
                outcomes.add(firstLogin);
                Thread.sleep(Math.max(0, OUTAGE.toMillis() - (millisSince(origin) - downAt)));
                long restartAt = millisSince(origin);
                postgres.start();
                long upAt = millisSince(origin);
                int beforeRestart = acknowledged.get();
                awaitCount(acknowledged, beforeRestart + ACKNOWLEDGED_AFTER, deadline);
                stop.set(true);
                for (Future<?> future : work) {
                    future.get(60, TimeUnit.SECONDS);
                }
                clients.shutdown();

                List<Outcome> all = List.copyOf(outcomes);
                report(all, stoppedAt, downAt, restartAt, upAt);

                assertThat(all.stream()
                                .filter(outcome -> outcome.failure() != null)
                                .toList())
                        .as("requests that failed on the client side (refused, reset, timed out)")
                        .isEmpty();
                assertThat(beforeRestart)
                        .as("registrations acknowledged before the restart")
                        .isGreaterThanOrEqualTo(ACKNOWLEDGED_BEFORE);
                List<Outcome> registrations = of(all, "register");
                assertThat(registrations)
                        .extracting(Outcome::status)
                        .as("registrations answer 201 or 503")
                        .containsOnly(201, 503)
                        .contains(503);
                assertThat(of(all, "move"))
                        .extracting(Outcome::status)
                        .as("moves answer 204 or 503")
                        .containsOnly(204, 503)
                        .contains(503);
                assertThat(of(all, "read"))
                        .extracting(Outcome::status)
                        .as("reads answer 200 or 503")
                        .containsOnly(200, 503)
                        .contains(503);
                List<Outcome> unavailable = all.stream()
                        .filter(outcome ->
                                outcome.status() == 503 && !outcome.what().endsWith("health"))
                        .toList();
                assertThat(unavailable).allSatisfy(outcome -> {
                    assertThat(outcome.retryAfter())
                            .as("Retry-After of " + outcome)
                            .matches("[1-9][0-9]*");
                    assertThat(outcome.contentType()).isEqualTo("application/problem+json");
                    assertThat(outcome.body())
                            .contains("\"status\":503")
                            .doesNotContainIgnoringCase("exception")
                            .doesNotContainIgnoringCase("sql")
                            .doesNotContainIgnoringCase("jdbc")
                            .doesNotContainIgnoringCase("connection to")
                            .doesNotContain("Ausfall")
                            .doesNotContain("127.0.0.1");
                    assertThat(outcome.tookMillis()).as("how long the 503 took").isLessThan(ANSWER_WITHIN_MILLIS);
                });
                assertThat(List.of(keyedDuringOutage, firstLogin))
                        .extracting(Outcome::status)
                        .as("failures in filters and authentication are 503 too, not 500 or 401")
                        .containsExactly(503, 503);
                for (String health : List.of("command-health", "query-health")) {
                    assertThat(of(all, health))
                            .extracting(Outcome::status)
                            .as(health + " said DOWN meanwhile")
                            .contains(503);
                    assertThat(of(all, health).get(of(all, health).size() - 1).status())
                            .as(health + " recovered")
                            .isEqualTo(200);
                }

                assertThat(acknowledged.get() - beforeRestart)
                        .as("registrations acknowledged after the restart")
                        .isGreaterThanOrEqualTo(ACKNOWLEDGED_AFTER);
                Set<String> acknowledgedIds = new HashSet<>();
                registrations.stream()
                        .filter(outcome -> outcome.status() == 201)
                        .forEach(outcome -> acknowledgedIds.add(outcome.personId()));
                acknowledgedIds.add(known);
                Set<String> stored = new HashSet<>(jdbc.queryForList(
                        "select distinct aggregate_identifier from event_store.domain_event_entry", String.class));
                assertThat(stored)
                        .as("every acknowledged registration is in the event store")
                        .containsAll(acknowledgedIds);
                List<Long> sequence = jdbc.queryForList(
                        "select sequence_number from event_store.domain_event_entry "
                                + "where aggregate_identifier = ? order by sequence_number",
                        Long.class,
                        known);
                assertThat(sequence)
                        .as("the moved person's stream has no gaps")
                        .isEqualTo(java.util.stream.LongStream.range(0, sequence.size())
                                .boxed()
                                .toList());
                List<String> moved = jdbc.queryForList("""
                        select convert_from(meta_data, 'UTF8')::jsonb ->> 'correlationId'
                          from event_store.domain_event_entry where aggregate_identifier = ? and sequence_number > 0""", String.class, known);
                assertThat(moved)
                        .as("every move is one event at most")
                        .doesNotHaveDuplicates()
                        .as("every acknowledged move is an event")
                        .containsAll(of(all, "move").stream()
                                .filter(outcome -> outcome.status() == 204)
                                .map(Outcome::personId)
                                .toList())
                        // A 503 means "not known to be done": a commit that broke with its connection may have
                        // been stored.
                        .as("no move is stored that was not sent")
                        .isSubsetOf(
                                of(all, "move").stream().map(Outcome::personId).toList());
                await().atMost(Duration.ofSeconds(60))
                        .pollInterval(Duration.ofMillis(500))
                        .untilAsserted(() -> assertThat(new HashSet<>(jdbc.queryForList(
                                        "select person_id::text from query.person_card " + "where agency_id = ?",
                                        String.class,
                                        REGISTRAR)))
                                .as("every acknowledged registration is in the registering agency's view")
                                .containsAll(acknowledgedIds));
                System.out.printf(
                        "[kiim] restart: %d acknowledged registrations stored; all in the views %d ms "
                                + "after the database was up again%n",
                        acknowledgedIds.size(), millisSince(origin) - upAt);
                var keyedAgain = command.api.post("/api/v1/persons", "abh", keyed, key);
                assertThat(keyedAgain.status())
                        .as("the keyed request sent again after the outage")
                        .isEqualTo(201);
                assertThat(query.api.get("/api/v1/persons/" + known, "kim").status())
                        .isEqualTo(200);
                String someone = acknowledgedIds.stream()
                        .filter(id -> !id.equals(known))
                        .findAny()
                        .orElseThrow();
                assertThat(query.api.get("/api/v1/persons/" + someone, "abh").status())
                        .isEqualTo(200);
                assertThat(command.api
                                .post(
                                        "/api/v1/persons/" + someone + "/moves",
                                        "abh",
                                        ApiClient.json(Map.of("municipality", "15085370")))
                                .status())
                        .isEqualTo(204);
            }
        }
    }

    private static Map<String, Object> person(int number) {
        return Map.of(
                "familyName",
                "Ausfall-" + number,
                "givenNames",
                "Lina",
                "dateOfBirth",
                "1988-07-1" + number % 10,
                "sex",
                "FEMALE",
                "nationality",
                "SY",
                "entryDate",
                "2023-03-01",
                "municipality",
                "15085135");
    }

    private static Outcome call(String what, long origin, Supplier<ApiClient.Response> request) {
        long started = System.nanoTime();
        try {
            var response = request.get();
            return new Outcome(
                    what,
                    (started - origin) / 1_000_000,
                    millisSince(started),
                    response.status(),
                    response.header("Retry-After").orElse(null),
                    response.header("Content-Type").orElse(null),
                    response.body(),
                    response.json().path("personId").asText(null),
                    null);
        } catch (RuntimeException failure) {
            return new Outcome(
                    what,
                    (started - origin) / 1_000_000,
                    millisSince(started),
                    0,
                    null,
                    null,
                    null,
                    null,
                    failure.toString());
        }
    }

    private static void poll(AtomicBoolean stop, Queue<Outcome> outcomes, Supplier<Outcome> request) {
        while (!stop.get()) {
            outcomes.add(request.get());
            pause(250);
        }
        outcomes.add(request.get());
    }

    private static List<Outcome> of(List<Outcome> all, String what) {
        return all.stream().filter(outcome -> outcome.what().equals(what)).toList();
    }

    private static void report(List<Outcome> all, long stoppedAt, long downAt, long restartAt, long upAt) {
        System.out.printf(
                "[kiim] restart: stop at %d ms, down at %d ms, start at %d ms, up at %d ms%n",
                stoppedAt, downAt, restartAt, upAt);
        for (String what : List.of("register", "move", "read", "command-health", "query-health")) {
            var outcomes = of(all, what);
            Map<Integer, Long> byStatus = new java.util.TreeMap<>(outcomes.stream()
                    .collect(java.util.stream.Collectors.groupingBy(
                            Outcome::status, java.util.stream.Collectors.counting())));
            long slowest503 = outcomes.stream()
                    .filter(outcome -> outcome.status() == 503)
                    .mapToLong(Outcome::tookMillis)
                    .max()
                    .orElse(0);
            var firstAndLast503 = outcomes.stream()
                    .filter(outcome -> outcome.status() == 503)
                    .mapToLong(Outcome::startedAtMillis)
                    .summaryStatistics();
            System.out.printf(
                    "[kiim] restart: %s %s; slowest 503 %d ms; 503s sent from %d to %d ms%n",
                    what, byStatus, slowest503, firstAndLast503.getMin(), firstAndLast503.getMax());
        }
        of(all, "register").stream()
                .filter(outcome -> outcome.status() == 201 && outcome.startedAtMillis() > downAt)
                .mapToLong(Outcome::startedAtMillis)
                .min()
                .ifPresent(first -> System.out.printf(
                        "[kiim] restart: first registration acknowledged after the restart was sent at %d ms%n",
                        first));
        all.stream()
                .filter(outcome -> outcome.status() != 503 && outcome.status() / 100 != 2)
                .limit(5)
                .forEach(outcome -> System.out.println("[kiim] restart: unexpected " + outcome));
    }

    /** Waits until {@code count} reaches {@code atLeast} or the deadline passes; the assertions come later. */
    private static void awaitCount(AtomicInteger count, int atLeast, long deadlineNanos) throws InterruptedException {
        while (count.get() < atLeast && System.nanoTime() < deadlineNanos) {
            Thread.sleep(50);
        }
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static <T> Supplier<T> unchecked(java.util.concurrent.Callable<T> start) {
        return () -> {
            try {
                return start.call();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
    }
}
