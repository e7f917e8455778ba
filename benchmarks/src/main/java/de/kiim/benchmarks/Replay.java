package de.kiim.benchmarks;

import de.kiim.events.EventJson;
import de.kiim.events.privacy.CryptoShreddingSerializer;
import de.kiim.platform.crypto.CryptoProperties;
import de.kiim.platform.crypto.KeyEncryptionKeys;
import de.kiim.platform.crypto.PersonKeyStore;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code replay}: events per second for a full rebuild of the timeline projection (decrypting every event and
 * writing its entry) in the query service, against a raw streamed {@code SELECT ... ORDER BY global_index}
 * (fetch size 1000) of the same table with the same deserialization and decryption in this process.
 */
final class Replay implements Scenario {

    private static final int PERSONS = 200;
    private static final long EVENTS = 100_000;

    @Override
    public String name() {
        return "replay";
    }

    @Override
    public Map<String, Object> run(BenchDatabase database) throws Exception {
        Map<String, Object> results = new LinkedHashMap<>();
        try (BenchSystem system = new BenchSystem(database)) {
            Population population = Population.record(system.commands(), PERSONS, 8, 7);
            DataSource dataSource = database.dataSource(4);
            JdbcTemplate jdbc = new JdbcTemplate(dataSource);
            system.query.stop();
            var fill = new EventFill(jdbc);
            fill.growTo(EVENTS, population.events + 0L, false);
            long events = fill.events();
            system.query = system.start("query-service");
            awaitTimelineRows(jdbc, events, Duration.ofMinutes(10)); // first catch-up, not measured

            CpuAccount cpu = CpuAccount.start(system);
            long start = System.nanoTime();
            var replay = system.queries().post("/api/v1/admin/projections/agency-views/replay", "steward", "");
            if (replay.status() != 202) {
                throw new IllegalStateException("replay refused: HTTP " + replay.status());
            }
            // A replay ends with the first event after the reset point.
            Population.move(system.commands(), population.personIds.get(0), "15085370");
            awaitReplayDone(system, Duration.ofMinutes(10));
            double rebuild = (events + 1) / ((System.nanoTime() - start) / 1e9);
            results.put("cpu_ms_per_1000_events", cpu.perOperation((events + 1) / 1000));

            double raw = Math.max(rawRead(dataSource, system.kekBase64()), rawRead(dataSource, system.kekBase64()));
            results.put("events", events);
            results.put("rebuild_events_per_s", Load.round(rebuild));
            results.put("raw_read_events_per_s", Load.round(raw));
            results.put("replay_ratio", Load.round(rebuild / raw));
        }
        return results;
    }

    private static void awaitTimelineRows(JdbcTemplate jdbc, long rows, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        // Integration management sees every event of every person: its view is complete when the rebuild is.
        while (jdbc.queryForObject("select count(*) from query.timeline_entry where agency_id = 'kim-harz'", Long.class)
                < rows) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the timeline did not catch up");
            }
            Thread.sleep(500);
        }
    }

    private static void awaitReplayDone(BenchSystem system, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            var status =
                    system.queries().get("/api/v1/admin/projections", "steward").json();
            for (var projection : status) {
                if (projection.path("name").asText().equals("agency-views")) {
                    var segments = projection.path("segments");
                    boolean done = segments.size() > 0;
                    for (var segment : segments) {
                        done &= segment.path("caughtUp").asBoolean()
                                && !segment.path("replaying").asBoolean();
                    }
                    if (done) {
                        return;
                    }
                }
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("the replay did not finish");
    }

    /** Streams every event and decrypts its payload as a projection would receive it; events per second. */
    static double rawRead(DataSource dataSource, String kekBase64) throws Exception {
        var properties = new CryptoProperties(kekBase64, null, false, List.of(), Duration.ofMinutes(10), 100_000);
        var keys = new PersonKeyStore(
                new JdbcTemplate(dataSource), KeyEncryptionKeys.load(properties), PersonKeyStore.newCache(properties));
        var serializer = new CryptoShreddingSerializer(
                JacksonSerializer.builder()
                        .objectMapper(EventJson.newObjectMapper())
                        .build(),
                keys);
        long start = System.nanoTime();
        long count = 0;
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false); // a cursor, so fetch size applies
            try (Statement select = connection.createStatement()) {
                select.setFetchSize(1000);
                ResultSet rows = select.executeQuery("select payload_type, payload_revision, payload, meta_data "
                        + "from event_store.domain_event_entry order by global_index");
                while (rows.next()) {
                    serializer.deserialize(new SimpleSerializedObject<>(
                            rows.getBytes(3), byte[].class, rows.getString(1), rows.getString(2)));
                    serializer.deserialize(new SimpleSerializedObject<>(
                            rows.getBytes(4),
                            byte[].class,
                            org.axonframework.messaging.MetaData.class.getName(),
                            null));
                    count++;
                }
            }
            connection.commit();
        }
        return count / ((System.nanoTime() - start) / 1e9);
    }
}
