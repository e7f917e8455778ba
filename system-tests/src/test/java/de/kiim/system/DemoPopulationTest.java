package de.kiim.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import de.kiim.demo.DemoPopulation;
import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The demo population of ./kiim up --demo-data, a slice of it: every step is accepted by the command side as it
 * stands (entitlements, date rules, hand-overs), the indicators show it with published and withheld cells, and a
 * second run the same day records nothing new.
 */
class DemoPopulationTest {

    private static final int PERSONS = 150;
    private static final long SEED = 7;

    private final RunningSystem system = RunningSystem.instance();
    private final JdbcTemplate jdbc = system.commandService.getBean(JdbcTemplate.class);

    @Test
    void every_step_is_accepted_and_the_indicators_show_the_population() throws Exception {
        LocalDate today = LocalDate.now();
        DemoPopulation population = new DemoPopulation(system.commands, SEED, today);
        population.record(PERSONS);
        assertThat(population.failures()).as("requests refused").isZero();
        assertThat(population.requests()).isGreaterThan(PERSONS * 5);

        await().atMost(Duration.ofSeconds(60)).until(() -> statisticsSubjects() >= PERSONS);
        JsonNode table = system.queries
                .get("/api/v1/indicators/time-to-milestone?milestone=COURSE_START&groupBy=nationality", "analyst")
                .json();
        assertThat(table.path("total").path("persons").asLong()).isGreaterThanOrEqualTo(PERSONS - 2);
        assertThat(table.path("cells").findValuesAsText("suppressed")).contains("true", "false");
        assertThat(table.path("total").path("medianDays").isNumber()).isTrue();

        long registrations = registrations();
        DemoPopulation again = new DemoPopulation(system.commands, SEED, today);
        again.record(PERSONS);
        assertThat(again.failures()).isZero();
        assertThat(registrations()).as("idempotency keys: the same population").isEqualTo(registrations);
    }

    private long statisticsSubjects() {
        return system.queryService
                .getBean(JdbcTemplate.class)
                .queryForObject("select count(*) from statistics.subject", Long.class);
    }

    private long registrations() {
        return jdbc.queryForObject(
                "select count(*) from event_store.domain_event_entry where payload_type like '%.PersonRegistered'",
                Long.class);
    }
}
