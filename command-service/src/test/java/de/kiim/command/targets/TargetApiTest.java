package de.kiim.command.targets;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import de.kiim.testsupport.ApiClient;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * Targets over HTTP: data stewards set and withdraw them, each change one event in the target's own stream with its
 * author; a body that names no known figure, or anyone but a steward, records nothing.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=command-service,test")
@ActiveProfiles("local")
class TargetApiTest {

    private static final String TARGETS = "/api/v1/admin/targets";

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    ApiClient api;

    @BeforeEach
    void setUp() {
        api = ApiClient.onPort(port);
    }

    private static Map<String, Object> medianToB1() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("indicator", "time-to-milestone");
        body.put("milestone", "CEFR_B1");
        body.put("figure", "medianDays");
        body.put("cohort", "2025");
        body.put("comparison", "AT_MOST");
        body.put("value", 540);
        body.put("reason", "KREISTAG_RESOLUTION");
        body.put("reference", "Drucksache 2025/117");
        return body;
    }

    @Test
    void a_steward_sets_and_withdraws_a_target_each_an_event_with_its_author() {
        ApiClient.Response set = api.post(TARGETS, "steward", ApiClient.json(medianToB1()));

        assertThat(set.status()).as(set.body()).isEqualTo(201);
        String targetId = set.json().path("targetId").asText();
        assertThat(set.header("Location").orElseThrow()).endsWith(targetId);
        ApiClient.Response withdrawn =
                api.post(TARGETS + "/" + targetId + "/withdrawal", "steward", "{\"reason\":\"CORRECTION\"}");
        assertThat(withdrawn.status()).isEqualTo(204);
        ApiClient.Response again =
                api.post(TARGETS + "/" + targetId + "/withdrawal", "steward", "{\"reason\":\"CORRECTION\"}");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().path("rule").asText()).isEqualTo("target.withdrawn");

        var events = jdbc.queryForList(
                "select payload_type, convert_from(meta_data, 'UTF8')::jsonb ->> 'user' as author"
                        + " from event_store.domain_event_entry"
                        + " where aggregate_identifier = ? order by sequence_number",
                targetId);
        assertThat(events)
                .extracting(row -> row.get("payload_type").toString())
                .containsExactly("de.kiim.events.targets.TargetSet", "de.kiim.events.targets.TargetWithdrawn");
        assertThat(events).allSatisfy(row -> assertThat(row.get("author")).isEqualTo("steward"));
    }

    @Test
    void an_unknown_target_is_a_target_problem_not_a_persons() {
        ApiClient.Response unknown =
                api.post(TARGETS + "/" + UUID.randomUUID() + "/withdrawal", "steward", "{\"reason\":\"CORRECTION\"}");

        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().path("rule").asText()).isEqualTo("target.unknown");
    }

    @Test
    void a_target_must_name_a_figure_the_indicator_has_and_a_sensible_value() {
        assertRefused(with("indicator", "wellbeing"), "indicator");
        assertRefused(with("figure", "meanDays"), "figure");
        assertRefused(with("milestone", null), "milestone");
        assertRefused(with("milestone", "CEFR_C1"), "milestone");
        assertRefused(with("cohort", "2025-Q5"), "cohort");
        assertRefused(with("value", -1), "value");
        assertRefused(with("comparison", "ABOUT"), "comparison");
        assertRefused(with("reference", "=HYPERLINK(\"x\")"), "reference");
        Map<String, Object> share = with("figure", "shareWithin12Months");
        share.put("value", 1.5);
        assertRefused(share, "value");
        Map<String, Object> persons = with("indicator", "persons");
        persons.put("figure", "employed");
        assertRefused(persons, "milestone");
    }

    @Test
    void only_data_stewards_set_targets() {
        for (String user : new String[] {"analyst", "abh", "auditor"}) {
            assertThat(api.post(TARGETS, user, ApiClient.json(medianToB1())).status())
                    .as(user)
                    .isEqualTo(403);
        }
    }

    private static Map<String, Object> with(String field, Object value) {
        Map<String, Object> body = medianToB1();
        body.put(field, value);
        return body;
    }

    private void assertRefused(Map<String, Object> body, String field) {
        long before = targetEvents();
        ApiClient.Response refused = api.post(TARGETS, "steward", ApiClient.json(body));
        assertThat(refused.status()).as(body.toString()).isEqualTo(400);
        JsonNode errors = refused.json().path("errors");
        assertThat(errors.findValuesAsText("field")).as(refused.body()).contains(field);
        assertThat(targetEvents()).isEqualTo(before);
    }

    private long targetEvents() {
        return jdbc.queryForObject(
                "select count(*) from event_store.domain_event_entry where payload_type like 'de.kiim.events.targets.%'",
                Long.class);
    }
}
