package de.kiim.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import de.kiim.testsupport.ApiClient;
import de.kiim.testsupport.PgDump;
import de.kiim.testsupport.TestDatabase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The acid test of crypto-shredding (DESIGN §5): after erasure, neither a full dump of the database nor the
 * services' logs contain any of the person's identifying values, in any encoding checked here; everyone else's
 * data is untouched; and replaying all projections brings nothing back.
 */
class ErasureAcidTest {

    private final RunningSystem system = RunningSystem.instance();

    /** Synthetic, distinctive values: found anywhere, they can only come from this person. */
    private static final Map<String, Object> ERASED =
            person("Zyxwerth-Ölbrandt", "Quirinella Jolanthe", "1979-02-28", "918273645546");

    private static final Map<String, Object> KEPT =
            person("Vexholm-Überlinger", "Tamsinella", "1983-11-19", "564738291012");

    private static Map<String, Object> person(String familyName, String givenNames, String dateOfBirth, String azr) {
        var person = new LinkedHashMap<String, Object>();
        person.put("familyName", familyName);
        person.put("givenNames", givenNames);
        person.put("dateOfBirth", dateOfBirth);
        person.put("sex", "FEMALE");
        person.put("nationality", "TR");
        person.put("entryDate", "2016-04-01");
        person.put("azrNumber", azr);
        person.put("municipality", "15085135");
        return person;
    }

    @Test
    void after_erasure_nothing_readable_remains_and_a_replay_brings_nothing_back() throws IOException {
        String erased = register(ERASED);
        String kept = register(KEPT);
        awaitCard(erased);
        awaitCard(kept);
        leaveTracesEverywhere(erased);

        // A legal hold blocks erasure; lifted, support ends and erasure follows once the retention has passed.
        assertThat(post(erased, "/legal-holds", "steward", Map.of("ground", "LEGAL_CLAIMS"))
                        .status())
                .isEqualTo(204);
        var blocked = post(erased, "/erasure", "steward", Map.of("reason", "DATA_SUBJECT_REQUEST"));
        assertThat(blocked.status()).isEqualTo(409);
        assertThat(blocked.json().path("rule").asText()).isEqualTo("erasure.legal-hold");
        assertThat(system.commands
                        .delete("/api/v1/persons/" + erased + "/legal-holds/LEGAL_CLAIMS", "steward")
                        .status())
                .isEqualTo(204);
        assertThat(post(erased, "/support-end", "abh", Map.of("reason", "LEFT_GERMANY", "endedOn", "2019-01-31"))
                        .status())
                .isEqualTo(204);
        LocalDate due = jdbc().queryForObject(
                        "select due_on from command.erasure_due where person_id = ?::uuid", LocalDate.class, erased);
        assertThat(due)
                .as("a back-dated support end counts the retention from today")
                .isAfterOrEqualTo(LocalDate.now().plusMonths(3));
        // The retention passes: the scheduler erases whoever is due.
        jdbc().update("update command.erasure_due set due_on = current_date where person_id = ?::uuid", erased);

        await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> post(erased, "/support-end", "abh", Map.of("reason", "LEFT_GERMANY"))
                                .status()
                        == 410);
        await().atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> system.queries
                                        .get("/api/v1/persons/" + erased + "/timeline", "abh")
                                        .status()
                                == 404
                        && system.queries
                                        .get("/api/v1/persons/" + erased, "abh")
                                        .status()
                                == 404);

        // registered, share, consent, hold placed, hold lifted, support ended, data erased
        assertThat(eventsOf(erased)).as("the events stay, unreadable").isEqualTo(7);
        for (String table : List.of("query.person_link_facts", "query.person_link", "query.person_card")) {
            assertThat(jdbc().queryForObject(
                                    "select count(*) from " + table + " where person_id = ?::uuid",
                                    Integer.class,
                                    erased))
                    .as(table)
                    .isZero();
        }
        assertThat(jdbc().queryForObject(
                                "select count(*) from command.import_row where person_id = ?::uuid "
                                        + "or ?::uuid = any(candidates)",
                                Integer.class,
                                erased,
                                erased))
                .as("import lines")
                .isZero();
        assertNothingReadableOf(ERASED);
        assertThat(system.queries
                        .get("/api/v1/persons/" + kept, "abh")
                        .json()
                        .path("familyName")
                        .asText())
                .isEqualTo(KEPT.get("familyName"));

        replayAllProjections();

        assertThat(system.queries
                        .get("/api/v1/persons/" + erased + "/timeline", "abh")
                        .status())
                .isEqualTo(404);
        assertThat(system.queries.get("/api/v1/persons/" + erased, "abh").status())
                .isEqualTo(404);
        assertThat(system.queries
                        .get("/api/v1/persons/" + kept + "/timeline", "abh")
                        .json()
                        .get(0)
                        .path("data")
                        .path("givenNames")
                        .asText())
                .isEqualTo(KEPT.get("givenNames"));
        assertNothingReadableOf(ERASED);
    }

    @Test
    void a_data_steward_erases_at_once_and_then_every_command_is_gone() {
        String personId = register(person("Sofortlöschung", "Testa", "1990-01-01", null));
        var erasure = post(personId, "/erasure", "steward", Map.of("reason", "DATA_SUBJECT_REQUEST"));
        assertThat(erasure.status()).isEqualTo(200);
        assertThat(erasure.json().path("reason").asText()).isEqualTo("DATA_SUBJECT_REQUEST");

        assertThat(post(personId, "/erasure", "steward", Map.of("reason", "DATA_SUBJECT_REQUEST"))
                        .status())
                .isEqualTo(410);
        assertThat(post(personId, "/support-end", "abh", Map.of("reason", "LEFT_GERMANY"))
                        .status())
                .isEqualTo(410);
        assertThat(post(personId, "/legal-holds", "steward", Map.of("ground", "LEGAL_CLAIMS"))
                        .status())
                .isEqualTo(410);
        String metadata = jdbc().queryForObject("""
                select convert_from(meta_data, 'UTF8') from event_store.domain_event_entry
                 where aggregate_identifier = ? and payload_type like '%PersonDataErased'""", String.class, personId);
        assertThat(metadata).as("who erased").contains("\"user\":\"steward\"");
        assertThat(jdbc().queryForObject(
                                "select count(*) from key_store.person_key where person_id = ?::uuid",
                                Integer.class,
                                personId))
                .isZero();
    }

    /**
     * Everything that kept a person after erasure before: a search (access log), a saved view with the person's
     * name (refused now), an import that names the person as a likely duplicate, a share and a consent (link
     * facts), and the person's key in the query service's cache from a read.
     */
    private void leaveTracesEverywhere(String personId) {
        assertThat(system.queries
                        .get("/api/v1/persons?name=" + ERASED.get("familyName"), "abh")
                        .status())
                .isEqualTo(200);
        assertThat(system.queries
                        .put(
                                "/api/v1/views/acid",
                                "abh",
                                ApiClient.json(Map.of("query", "name=" + ERASED.get("familyName"))))
                        .status())
                .isEqualTo(400);
        String csv = "familyName;givenNames;dateOfBirth;sex;nationality;entryDate;azrNumber;municipality\r\n"
                + ERASED.get("familyName") + ";" + ERASED.get("givenNames") + ";" + ERASED.get("dateOfBirth")
                + ";FEMALE;TR;2016-04-01;;15085135";
        var imported = system.commands.postRaw("/api/v1/imports", "abh", "text/csv; charset=utf-8", csv);
        assertThat(imported.status()).as(imported.body()).isEqualTo(201);
        assertThat(imported.body()).contains(personId).doesNotContain((String) ERASED.get("familyName"));
        assertThat(post(personId, "/case-shares", "abh", Map.of("agency", "sozialamt-harz", "legalBasis", "SGB_X_69"))
                        .status())
                .isEqualTo(204);
        assertThat(post(
                                personId,
                                "/consents",
                                "abh",
                                Map.of(
                                        "purpose",
                                        "COUNSELLING",
                                        "recipientAgency",
                                        "mbe-harz",
                                        "evidenceReference",
                                        "ACID-1"))
                        .status())
                .isEqualTo(204);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> system.queries
                                .get("/api/v1/persons/" + personId, "beratung")
                                .status()
                        == 200);
    }

    @Test
    void support_resumed_within_the_grace_period_cancels_the_scheduled_erasure() {
        String personId = register(person("Wiederaufnahme", "Testa", "1990-01-01", null));
        assertThat(post(personId, "/support-end", "abh", Map.of("reason", "NO_FURTHER_NEED"))
                        .status())
                .isEqualTo(204);
        assertThat(dueErasures(personId)).isEqualTo(1);
        assertThat(post(personId, "/support-resumption", "abh", Map.of()).status())
                .isEqualTo(204);
        assertThat(dueErasures(personId)).isZero();
        assertThat(post(personId, "/support-resumption", "abh", Map.of())
                        .json()
                        .path("rule")
                        .asText())
                .isEqualTo("support.not-ended");
    }

    private int dueErasures(String personId) {
        return jdbc().queryForObject(
                        "select count(*) from command.erasure_due where person_id = ?::uuid", Integer.class, personId);
    }

    @Test
    void only_data_stewards_erase_or_place_holds() {
        String personId = register(person("Rollenprüfung", "Testa", "1990-01-01", null));
        assertThat(post(personId, "/erasure", "abh", Map.of("reason", "DATA_SUBJECT_REQUEST"))
                        .status())
                .isEqualTo(403);
        assertThat(post(personId, "/legal-holds", "jobcenter", Map.of("ground", "LEGAL_CLAIMS"))
                        .status())
                .isEqualTo(403);
        assertThat(post(personId, "/support-end", "steward", Map.of("reason", "LEFT_GERMANY"))
                        .status())
                .isEqualTo(403);
        var invalid = post(personId, "/erasure", "steward", Map.of("reason", "BORED"));
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.json().path("errors").get(0).path("field").asText()).isEqualTo("reason");
        assertThat(post(
                                java.util.UUID.randomUUID().toString(),
                                "/erasure",
                                "steward",
                                Map.of("reason", "DATA_SUBJECT_REQUEST"))
                        .status())
                .isEqualTo(404);
    }

    private void assertNothingReadableOf(Map<String, Object> person) throws IOException {
        String dump = PgDump.of(TestDatabase.instance());
        String logs = Files.readString(Path.of(RunningSystem.LOG_FILE), StandardCharsets.UTF_8);
        assertThat(dump)
                .as("sanity: the dump holds the kept person in the read models")
                .contains((String) KEPT.get("familyName"));
        assertThat(logs).as("sanity: the services logged").isNotBlank();
        for (String value : identifyingValues(person)) {
            for (String encoded : encodings(value)) {
                assertThat(dump).as("pg_dump contains %s", encoded).doesNotContain(encoded);
                assertThat(logs).as("logs contain %s", encoded).doesNotContain(encoded);
            }
        }
    }

    private static List<String> identifyingValues(Map<String, Object> person) {
        List<String> values = new ArrayList<>();
        values.add((String) person.get("familyName"));
        values.addAll(List.of(((String) person.get("givenNames")).split(" ")));
        values.add((String) person.get("dateOfBirth"));
        values.add((String) person.get("azrNumber"));
        return values;
    }

    /** Plain, JSON-escaped (non-ASCII as \\uXXXX), base64, and hex as pg_dump prints bytea. */
    private static List<String> encodings(String value) {
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        StringBuilder escaped = new StringBuilder();
        value.chars().forEach(c -> escaped.append(c < 128 ? String.valueOf((char) c) : String.format("\\u%04x", c)));
        return List.of(
                value,
                jsonString(value),
                escaped.toString(),
                Base64.getEncoder().encodeToString(utf8),
                HexFormat.of().formatHex(utf8));
    }

    private static String jsonString(String value) {
        try {
            String json = new ObjectMapper().writeValueAsString(value);
            return json.substring(1, json.length() - 1);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new AssertionError(e);
        }
    }

    private void replayAllProjections() {
        var processing = system.queryService.getBean(EventProcessingConfiguration.class);
        var processors = processing.eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance)
                .map(StreamingEventProcessor.class::cast)
                .toList();
        assertThat(processors).isNotEmpty();
        for (StreamingEventProcessor processor : processors) {
            processor.shutDown();
            processor.resetTokens();
            processor.start();
        }
        // A replay ends with the first event after the reset point; this registration is that event.
        String marker = register(person("Replaymarke", "Testa", "1990-01-01", null));
        awaitCard(marker);
        await().atMost(Duration.ofSeconds(60))
                .until(() -> processors.stream()
                        .allMatch(processor -> !processor.processingStatus().isEmpty()
                                && processor.processingStatus().values().stream()
                                        .allMatch(status -> status.isCaughtUp() && !status.isReplaying())));
    }

    private String register(Map<String, Object> person) {
        var body = new LinkedHashMap<>(person);
        body.values().removeIf(java.util.Objects::isNull);
        var response = system.commands.post("/api/v1/persons", "abh", ApiClient.json(body));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().path("personId").asText();
    }

    private void awaitCard(String personId) {
        await().atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(100))
                .until(() ->
                        system.queries.get("/api/v1/persons/" + personId, "abh").status() == 200);
    }

    private ApiClient.Response post(String personId, String path, String user, Map<String, Object> body) {
        return system.commands.post("/api/v1/persons/" + personId + path, user, ApiClient.json(body));
    }

    private long eventsOf(String personId) {
        return jdbc().queryForObject(
                        "select count(*) from event_store.domain_event_entry where aggregate_identifier = ?",
                        Long.class,
                        personId);
    }

    private JdbcTemplate jdbc() {
        return system.commandService.getBean(JdbcTemplate.class);
    }
}
