package de.kiim.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import de.kiim.events.EventCatalogue;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/** scripts/demo-data.sh, as ./kiim up --demo-data runs it: every event type is recorded, and a second run is harmless. */
class DemoDataTest {

    private final RunningSystem system = RunningSystem.instance();
    private final JdbcTemplate jdbc = system.commandService.getBean(JdbcTemplate.class);

    private String runDemoData() throws IOException, InterruptedException {
        Process script = new ProcessBuilder(
                        "bash",
                        "../scripts/demo-data.sh",
                        "http://127.0.0.1:" + RunningSystem.port(system.commandService))
                .redirectErrorStream(true)
                .start();
        assertThat(script.waitFor(5, TimeUnit.MINUTES)).isTrue();
        String output = new String(script.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(script.exitValue()).as(output).isZero();
        return output;
    }

    private long erasures() {
        return jdbc.queryForObject(
                "select count(*) from event_store.domain_event_entry " + "where payload_type like '%.PersonDataErased'",
                Long.class);
    }

    private long registrations() {
        return jdbc.queryForObject(
                "select count(*) from event_store.domain_event_entry " + "where payload_type like '%.PersonRegistered'",
                Long.class);
    }

    @Test
    void the_demo_population_uses_every_event_type_and_a_second_run_adds_only_the_erased_again() throws Exception {
        long erasedBefore = erasures();
        assertThat(runDemoData()).contains("demo data: 36 persons registered");

        List<String> recorded =
                jdbc.queryForList("select distinct payload_type from event_store.domain_event_entry", String.class);
        assertThat(recorded)
                .containsAll(EventCatalogue.types().stream().map(Class::getName).toList());

        // One demo person is erased by a steward; the one whose support ended is kept for the retention period.
        await().atMost(Duration.ofSeconds(20)).until(() -> erasures() == erasedBefore + 1);
        long before = registrations();
        runDemoData();
        // Erasure forgets a person entirely, duplicate index and stored answers included: only they come anew.
        assertThat(registrations()).isEqualTo(before + 1);
    }
}
