package de.kiim.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import de.kiim.testsupport.ServiceProcess;
import de.kiim.testsupport.TestDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two query-service processes on one database split each processor's segments through Axon's token claims;
 * every event is reflected exactly once; when one stops, the other takes over and nothing is missing.
 */
class QueryScaleOutTest {

    private static final List<String> PROCESSORS = List.of("agency-views");
    private static final String[] FAST_CLAIMS = {
        "--kiim.processing.heartbeat=PT1S", "--axon.eventhandling.processors.agency-views.token-claim-interval=1000"
    };
    /** Integration management sees every person and every event: its view shows whether anything is missing. */
    private static final String SEES_ALL = "kim-harz";

    @TempDir
    Path secrets;

    private final TestDatabase database = TestDatabase.another();
    private final JdbcTemplate jdbc = ScaleOut.jdbc(database);

    @Test
    void two_instances_share_the_segments_and_one_takes_over_when_the_other_stops() throws Exception {
        Path kek = ScaleOut.kekFile(secrets);
        try (var command = ServiceProcess.start("command-service", "scale-q-command", database, kek);
                var first = ServiceProcess.start("query-service", "scale-q-first", database, kek, FAST_CLAIMS)) {
            registerPersons(command, 0, 40);
            try (var second = ServiceProcess.start("query-service", "scale-q-second", database, kek, FAST_CLAIMS)) {
                await().atMost(Duration.ofSeconds(60))
                        .pollInterval(Duration.ofMillis(500))
                        .until(() -> PROCESSORS.stream()
                                .allMatch(processor -> claimsPerOwner(processor).size() == 2
                                        && claimsPerOwner(processor).values().stream()
                                                .allMatch(claims -> claims == 2)));

                registerPersons(command, 40, 80);
                awaitEveryEventReflectedOnce(80);
                String someone =
                        jdbc.queryForObject("select person_id::text from query.person_card limit 1", String.class);
                assertThat(first.api.get("/api/v1/persons/" + someone, "abh").status())
                        .isEqualTo(200);
                assertThat(second.api.get("/api/v1/persons/" + someone, "abh").status())
                        .isEqualTo(200);

                first.stop();

                registerPersons(command, 80, 110);
                await().atMost(Duration.ofSeconds(60))
                        .pollInterval(Duration.ofMillis(500))
                        .until(() -> PROCESSORS.stream()
                                .allMatch(processor -> claimsPerOwner(processor).size() == 1
                                        && claimsPerOwner(processor).values().stream()
                                                .allMatch(claims -> claims == 4)));
                awaitEveryEventReflectedOnce(110);
            }
        }
    }

    private void registerPersons(ServiceProcess command, int from, int to) {
        IntStream.range(from, to).parallel().forEach(number -> ScaleOut.register(command.api, number));
    }

    /** Claimed segments of a processor per owning process. */
    private Map<String, Integer> claimsPerOwner(String processor) {
        Map<String, Integer> claims = new java.util.HashMap<>();
        jdbc.query(
                "select owner, count(*) from event_store.token_entry where processor_name = ? "
                        + "and owner is not null group by owner",
                rs -> {
                    claims.put(rs.getString(1), rs.getInt(2));
                },
                processor);
        return claims;
    }

    private void awaitEveryEventReflectedOnce(int persons) {
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> count("select count(*) from query.person_card where agency_id = '" + SEES_ALL + "'")
                                == persons
                        && count("select count(*) from query.timeline_entry where agency_id = '" + SEES_ALL + "'")
                                == count("select count(*) from event_store.domain_event_entry"));
        assertThat(count("""
                select count(*) from event_store.domain_event_entry e
                  left join query.timeline_entry t on t.event_id = e.event_identifier and t.agency_id = 'kim-harz'
                 where t.event_id is null""")).as("events missing from the timeline").isZero();
        assertThat(count("select count(*) from event_store.domain_event_entry")).isEqualTo(persons);
    }

    private long count(String sql) {
        return jdbc.queryForObject(sql, Long.class);
    }
}
