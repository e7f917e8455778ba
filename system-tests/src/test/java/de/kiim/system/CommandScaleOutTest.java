package de.kiim.system;

import static org.assertj.core.api.Assertions.assertThat;

import de.kiim.testsupport.ApiClient;
import de.kiim.testsupport.ServiceProcess;
import de.kiim.testsupport.TestDatabase;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two command-service processes take concurrent commands for the same person: each acknowledged command is
 * exactly one event, a conflict is retried or answered 409 (never dropped in silence), and the person's stream
 * has no gaps.
 */
class CommandScaleOutTest {

    private static final int THREADS = 8;
    private static final int COMMANDS_PER_THREAD = 15;

    @TempDir
    Path secrets;

    private final TestDatabase database = TestDatabase.another();
    private final JdbcTemplate jdbc = ScaleOut.jdbc(database);

    @Test
    void concurrent_commands_for_one_person_on_two_instances_lose_nothing() throws Exception {
        Path kek = ScaleOut.kekFile(secrets);
        try (var first = ServiceProcess.start("command-service", "scale-c-first", database, kek);
                var second = ServiceProcess.start("command-service", "scale-c-second", database, kek)) {
            String personId = ScaleOut.register(first.api, 1);
            List<ApiClient> instances = List.of(first.api, second.api);
            Map<String, Integer> statusByCorrelationId = new ConcurrentHashMap<>();

            ExecutorService clients = Executors.newFixedThreadPool(THREADS);
            List<Future<?>> work = new ArrayList<>();
            for (int thread = 0; thread < THREADS; thread++) {
                int t = thread;
                work.add(clients.submit(() -> {
                    for (int i = 0; i < COMMANDS_PER_THREAD; i++) {
                        String correlationId = "move-" + t + "-" + i;
                        var response = instances
                                .get((t + i) % 2)
                                .post(
                                        "/api/v1/persons/" + personId + "/moves",
                                        "abh",
                                        ApiClient.json(Map.of("municipality", i % 2 == 0 ? "15085370" : "15085235")),
                                        Map.of("X-Correlation-Id", correlationId));
                        statusByCorrelationId.put(correlationId, response.status());
                    }
                }));
            }
            for (Future<?> future : work) {
                future.get(120, TimeUnit.SECONDS);
            }
            clients.shutdown();

            assertThat(statusByCorrelationId).hasSize(THREADS * COMMANDS_PER_THREAD);
            assertThat(statusByCorrelationId.values()).allMatch(status -> status == 204 || status == 409);
            List<Long> sequence = jdbc.queryForList("""
                    select sequence_number from event_store.domain_event_entry
                     where aggregate_identifier = ? order by sequence_number""", Long.class, personId);
            List<Long> expected = new ArrayList<>();
            for (long n = 0; n < sequence.size(); n++) {
                expected.add(n);
            }
            assertThat(sequence).as("the stream has no gaps").isEqualTo(expected);

            List<String> recorded = jdbc.queryForList("""
                    select convert_from(meta_data, 'UTF8')::jsonb ->> 'correlationId'
                      from event_store.domain_event_entry
                     where aggregate_identifier = ? and sequence_number > 0""", String.class, personId);
            List<String> acknowledged = statusByCorrelationId.entrySet().stream()
                    .filter(entry -> entry.getValue() == 204)
                    .map(Map.Entry::getKey)
                    .toList();
            assertThat(recorded)
                    .as("every acknowledged command is exactly one event, nothing else is")
                    .containsExactlyInAnyOrderElementsOf(acknowledged);
            assertThat(Collections.frequency(statusByCorrelationId.values(), 204))
                    .as("conflicts are mostly retried, not refused")
                    .isGreaterThan(THREADS * COMMANDS_PER_THREAD / 2);
        }
    }
}
