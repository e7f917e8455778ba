package de.kiim.command.steps;

import static org.assertj.core.api.Assertions.assertThat;

import de.kiim.command.person.RegistrationApiTest;
import de.kiim.testsupport.ApiClient;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * Every command resource over HTTP on real PostgreSQL: the happy path, a validation rule, an idempotent replay and a
 * stale If-Match, each checked against the events actually stored.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=command-service,test")
@ActiveProfiles("local")
class IntegrationStepsApiTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    ApiClient api;
    String personId;

    /**
     * One command resource.
     *
     * @param path        relative to the person, {@code {course}} and {@code {job}} replaced by an ongoing course
     *                    enrolment and employment of the person
     * @param valid       a body that is accepted
     * @param invalid     a body that is refused with 400
     * @param badField    the field the 400 names
     */
    record Step(
            String name,
            String user,
            String path,
            Map<String, Object> valid,
            Map<String, Object> invalid,
            String badField) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Step> steps() {
        return Stream.of(
                new Step(
                        "base data correction",
                        "abh",
                        "/base-data-corrections",
                        Map.of("givenNames", "Testa Maria"),
                        Map.of("azrNumber", "12"),
                        "azrNumber"),
                new Step(
                        "move",
                        "abh",
                        "/moves",
                        Map.of("municipality", "15085370"),
                        Map.of("municipality", "99"),
                        "municipality"),
                new Step(
                        "residence status",
                        "abh",
                        "/residence-status",
                        Map.of("status", "AE_25_2_SUBSIDIARY", "validFrom", "2024-01-10", "validUntil", "2025-01-09"),
                        Map.of("status", "AE_25_2_SUBSIDIARY", "validFrom", "2024-01-10", "validUntil", "2023-01-09"),
                        "validUntil"),
                new Step(
                        "benefit regime",
                        "jobcenter",
                        "/benefit-regime",
                        Map.of("regime", "SGB_XII"),
                        Map.of("regime", "SGB_2"),
                        "regime"),
                new Step(
                        "language assessment",
                        "sprachkurs",
                        "/language-assessments",
                        Map.of("skill", "READING", "level", "B1", "method", "EXAM"),
                        Map.of("skill", "READING", "level", "B3", "method", "EXAM"),
                        "level"),
                new Step(
                        "course enrolment",
                        "sprachkurs",
                        "/courses",
                        Map.of("courseType", "BERUFSSPRACHKURS_B2", "startsOn", "2031-01-06"),
                        Map.of("courseType", "BERUFSSPRACHKURS_B2"),
                        "startsOn"),
                new Step(
                        "course interruption",
                        "sprachkurs",
                        "/courses/{course}/interruptions",
                        Map.of("reason", "ILLNESS"),
                        Map.of("reason", "ILLNESS", "interruptedOn", "2999-01-01"),
                        "interruptedOn"),
                new Step(
                        "course drop-out",
                        "sprachkurs",
                        "/courses/{course}/drop-out",
                        Map.of("reason", "NO_SHOW"),
                        Map.of(),
                        "reason"),
                new Step(
                        "course completion",
                        "sprachkurs",
                        "/courses/{course}/completion",
                        Map.of("examResults", List.of("DTZ_B1", "LID_PASSED"), "levelReached", "B1"),
                        Map.of("examResults", List.of("DTZ_B1", "DTZ_A2")),
                        "examResults"),
                new Step(
                        "schooling",
                        "jobcenter",
                        "/schooling",
                        Map.of("level", "ISCED_2", "years", 9, "country", "SY"),
                        Map.of("level", "ISCED_2", "years", -1),
                        "years"),
                new Step(
                        "recognition decision",
                        "jobcenter",
                        "/recognition-decisions",
                        Map.of("referenceOccupation", "81302", "outcome", "FULL"),
                        Map.of("referenceOccupation", "81305", "outcome", "FULL"),
                        "referenceOccupation"),
                new Step(
                        "previous occupation",
                        "jobcenter",
                        "/previous-occupations",
                        Map.of("occupation", "25212", "years", 4, "country", "AFG"),
                        Map.of("occupation", "10000", "years", 4),
                        "occupation"),
                new Step(
                        "employment start",
                        "jobcenter",
                        "/employments",
                        Map.of("occupation", "52122", "kind", "EMPLOYMENT", "weeklyHours", 39),
                        Map.of("occupation", "52122", "kind", "FULL_TIME"),
                        "kind"),
                new Step(
                        "employment end",
                        "jobcenter",
                        "/employments/{job}/end",
                        Map.of("reason", "RESIGNED"),
                        Map.of("reason", "RESIGNED", "endedOn", "not a date"),
                        "endedOn"),
                new Step(
                        "counselling session",
                        "beratung",
                        "/counselling-sessions",
                        Map.of("topics", List.of("HOUSING", "DEBT"), "agreedNextSteps", "Termin Schuldnerberatung"),
                        Map.of("topics", List.of()),
                        "topics"),
                new Step(
                        "consent",
                        "abh",
                        "/consents",
                        Map.of("purpose", "CASE_SHARING", "recipientAgency", "mbe-harz", "evidenceReference", "A-1"),
                        Map.of("purpose", "CASE_SHARING", "recipientAgency", "nobody", "evidenceReference", "A-1"),
                        "recipientAgency"),
                new Step(
                        "case share",
                        "abh",
                        "/case-shares",
                        Map.of("agency", "afa-halberstadt", "legalBasis", "SGB_X_69"),
                        Map.of("agency", "afa-halberstadt"),
                        "legalBasis"),
                new Step(
                        "move away",
                        "abh",
                        "/move-away",
                        Map.of("destination", "03241001"),
                        Map.of("destination", "3241001"),
                        "destination"));
    }

    @BeforeEach
    void registerAPerson() {
        api = ApiClient.onPort(port);
        var registered = api.post("/api/v1/persons", "abh", ApiClient.json(RegistrationApiTest.validPerson()));
        assertThat(registered.status()).isEqualTo(201);
        personId = registered.json().path("personId").asText();
        // The agencies whose steps are tried must see the person: a case share, a consent, a course enrolment.
        for (var link : List.of(
                List.of("/case-shares", Map.of("agency", "jobcenter-harz", "legalBasis", "SGB_X_69")),
                List.of(
                        "/consents",
                        Map.of("purpose", "COUNSELLING", "recipientAgency", "mbe-harz", "evidenceReference", "MBE-1")),
                List.of(
                        "/courses",
                        Map.of(
                                "courseType",
                                "ERSTORIENTIERUNGSKURS",
                                "startsOn",
                                "2024-01-08",
                                "providerAgency",
                                "vhs-harz")))) {
            var linked = api.post("/api/v1/persons/" + personId + link.get(0), "abh", ApiClient.json(link.get(1)));
            assertThat(linked.status()).as(linked.body()).isIn(201, 204);
        }
    }

    long events() {
        return jdbc.queryForObject(
                "select count(*) from event_store.domain_event_entry where aggregate_identifier = ?",
                Long.class,
                personId);
    }

    String lastEventType() {
        return jdbc.queryForObject("""
                select payload_type from event_store.domain_event_entry where aggregate_identifier = ?
                 order by sequence_number desc limit 1""", String.class, personId);
    }

    String path(Step step) {
        String path = "/api/v1/persons/" + personId + step.path();
        if (path.contains("{course}")) {
            path = path.replace(
                    "{course}",
                    created(
                            "sprachkurs",
                            "/courses",
                            Map.of("courseType", "INTEGRATION_GENERAL", "startsOn", "2024-02-05"),
                            "enrolmentId"));
        }
        if (path.contains("{job}")) {
            path = path.replace(
                    "{job}",
                    created(
                            "jobcenter",
                            "/employments",
                            Map.of("occupation", "54101", "kind", "MINI_JOB", "startedOn", "2024-03-01"),
                            "employmentId"));
        }
        return path;
    }

    String created(String user, String resource, Map<String, Object> body, String idField) {
        var response = api.post("/api/v1/persons/" + personId + resource, user, ApiClient.json(body));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().path(idField).asText();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("steps")
    void a_valid_step_appends_one_event_and_answers_the_new_version(Step step) {
        String path = path(step);
        long before = events();

        var response = api.post(path, step.user(), ApiClient.json(step.valid()));

        assertThat(response.status()).as(response.body()).isIn(201, 204);
        assertThat(events()).isEqualTo(before + 1);
        assertThat(response.header("ETag")).hasValue("\"" + before + "\"");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("steps")
    void an_invalid_step_is_a_400_naming_the_field_and_writes_nothing(Step step) {
        String path = path(step);
        long before = events();

        var response = api.post(path, step.user(), ApiClient.json(step.invalid()));

        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.json().path("errors").findValuesAsText("field")).contains(step.badField());
        assertThat(events()).isEqualTo(before);
    }

    /**
     * Every text in every valid body, one at a time, with a control character: a 400 naming that field, and no
     * event. Codes and agency ids as much as free text: no string field of any request may let one through. (Dates
     * are no text: Jackson parses them, trimming what surrounds them, into a LocalDate.)
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("steps")
    void a_control_character_in_any_text_is_a_400_naming_the_field_and_writes_nothing(Step step) {
        String path = path(step);
        long before = events();
        for (var field : step.valid().entrySet()) {
            var body = new java.util.LinkedHashMap<>(step.valid());
            String named;
            if (field.getValue() instanceof String text && !text.matches("\\d{4}-\\d{2}-\\d{2}")) {
                body.put(field.getKey(), text + "\u0000");
                named = field.getKey();
            } else if (field.getValue() instanceof List<?> list && list.get(0) instanceof String text) {
                body.put(field.getKey(), List.of("\u0007" + text));
                named = field.getKey() + "[0]";
            } else {
                continue;
            }

            var response = api.post(path, step.user(), ApiClient.json(body));

            assertThat(response.status())
                    .as(field.getKey() + ": " + response.body())
                    .isEqualTo(400);
            assertThat(response.json().path("errors").findValuesAsText("field")).containsExactly(named);
            assertThat(response.json().path("errors").findValuesAsText("reason"))
                    .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
                    .startsWith("must not contain control characters");
        }
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void agreed_next_steps_may_span_lines_but_hold_no_other_control_character() {
        String path = "/api/v1/persons/" + personId + "/counselling-sessions";
        long before = events();

        var withNul = api.post(
                path,
                "beratung",
                ApiClient.json(
                        Map.of("topics", List.of("HOUSING"), "agreedNextSteps", "Termin\u0000Schuldnerberatung")));
        var multiLine = api.post(
                path,
                "beratung",
                ApiClient.json(Map.of(
                        "topics",
                        List.of("HOUSING"),
                        "agreedNextSteps",
                        "1.\tTermin Schuldnerberatung\r\n2.\tWohnungsamt")));

        assertThat(withNul.status()).isEqualTo(400);
        assertThat(withNul.json().path("errors").toString())
                .isEqualTo("[{\"field\":\"agreedNextSteps\","
                        + "\"reason\":\"must not contain control characters other than tab and line breaks\"}]");
        assertThat(multiLine.status()).as(multiLine.body()).isEqualTo(204);
        assertThat(events()).isEqualTo(before + 1);
    }

    /** The one text in a command's path, an agency id, is refused by the server before it reaches the command. */
    @Test
    void a_nul_in_a_path_is_refused() {
        long before = events();
        var response = api.post("/api/v1/persons/" + personId + "/case-shares/jobcenter-harz%00/end", "abh", "{}");
        assertThat(response.status()).isEqualTo(400);
        assertThat(events()).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("steps")
    void a_repeated_keyed_step_gets_the_first_answer_and_writes_nothing_more(Step step) {
        String path = path(step);
        long before = events();
        var key = Map.of("Idempotency-Key", UUID.randomUUID().toString());

        var first = api.post(path, step.user(), ApiClient.json(step.valid()), key);
        var again = api.post(path, step.user(), ApiClient.json(step.valid()), key);
        var otherBody = api.post(path, step.user(), ApiClient.json(step.invalid()), key);

        assertThat(first.status()).as(first.body()).isIn(201, 204);
        assertThat(again.status()).isEqualTo(first.status());
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(again.header("ETag")).isEqualTo(first.header("ETag"));
        assertThat(again.header("Idempotent-Replayed")).hasValue("true");
        assertThat(otherBody.status()).isEqualTo(422);
        assertThat(otherBody.json().path("rule").asText()).isEqualTo("idempotency-key.reused");
        assertThat(events()).isEqualTo(before + 1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("steps")
    void a_stale_if_match_is_412_and_the_current_one_is_accepted(Step step) {
        String path = path(step);
        api.post(
                "/api/v1/persons/" + personId + "/language-assessments",
                "sprachkurs",
                ApiClient.json(Map.of("skill", "LISTENING", "level", "A2", "method", "PLACEMENT_TEST")));
        long version = events() - 1;

        var stale = api.post(
                path, step.user(), ApiClient.json(step.valid()), Map.of("If-Match", "\"" + (version - 1) + "\""));
        assertThat(stale.status()).as(stale.body()).isEqualTo(412);
        assertThat(events()).isEqualTo(version + 1);

        var current =
                api.post(path, step.user(), ApiClient.json(step.valid()), Map.of("If-Match", "\"" + version + "\""));
        assertThat(current.status()).as(current.body()).isIn(201, 204);
    }

    @Test
    void a_malformed_if_match_or_idempotency_key_is_a_400_naming_the_header() {
        String path = "/api/v1/persons/" + personId + "/benefit-regime";
        String body = ApiClient.json(Map.of("regime", "SGB_II"));
        assertThat(api.post(path, "jobcenter", body, Map.of("If-Match", "version 3"))
                        .json()
                        .path("errors")
                        .findValuesAsText("field"))
                .containsExactly("If-Match");
        assertThat(api.post(path, "jobcenter", body, Map.of("Idempotency-Key", "key with spaces"))
                        .json()
                        .path("errors")
                        .findValuesAsText("field"))
                .containsExactly("Idempotency-Key");
    }

    @Test
    void idempotency_keys_belong_to_their_user() {
        String path = "/api/v1/persons/" + personId + "/language-assessments";
        var key = Map.of("Idempotency-Key", "shared-key-" + UUID.randomUUID());
        long before = events();
        api.post(path, "sprachkurs", ApiClient.json(Map.of("skill", "READING", "level", "A1", "method", "EXAM")), key);
        var other = api.post(
                path, "jobcenter", ApiClient.json(Map.of("skill", "WRITING", "level", "A1", "method", "EXAM")), key);
        assertThat(other.status()).isEqualTo(204);
        assertThat(events()).isEqualTo(before + 2);
    }

    @Test
    void a_keyed_registration_is_replayed_with_its_person_id_and_location() {
        var key = Map.of("Idempotency-Key", UUID.randomUUID().toString());
        String body = ApiClient.json(RegistrationApiTest.validPerson());
        var first = api.post("/api/v1/persons", "abh", body, key);
        var again = api.post("/api/v1/persons", "abh", body, key);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.json().path("personId").asText())
                .isEqualTo(first.json().path("personId").asText());
        assertThat(again.header("Location")).isEqualTo(first.header("Location"));
        assertThat(jdbc.queryForObject(
                        "select count(*) from event_store.domain_event_entry where aggregate_identifier = ?",
                        Long.class,
                        first.json().path("personId").asText()))
                .isEqualTo(1);
    }

    @Test
    void business_rules_answer_with_their_name() {
        String courses = "/api/v1/persons/" + personId + "/courses";
        String enrolment = created(
                "sprachkurs",
                "/courses",
                Map.of("courseType", "INTEGRATION_YOUTH", "startsOn", "2024-05-06"),
                "enrolmentId");
        var beforeStart = api.post(
                courses + "/" + enrolment + "/completion",
                "sprachkurs",
                ApiClient.json(Map.of("completedOn", "2024-05-01")));
        assertThat(beforeStart.status()).isEqualTo(422);
        assertThat(beforeStart.json().path("rule").asText()).isEqualTo("course.completed-before-start");

        var twice = api.post(
                courses,
                "sprachkurs",
                ApiClient.json(Map.of("courseType", "INTEGRATION_YOUTH", "startsOn", "2024-06-06")));
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.json().path("rule").asText()).isEqualTo("course.already-enrolled");

        var unknown = api.post(
                courses + "/" + UUID.randomUUID() + "/drop-out",
                "sprachkurs",
                ApiClient.json(Map.of("reason", "NO_SHOW")));
        assertThat(unknown.status()).isEqualTo(404);

        var beforeBirth = api.post(
                "/api/v1/persons/" + personId + "/schooling",
                "jobcenter",
                ApiClient.json(Map.of("level", "ISCED_1", "recordedOn", "1950-01-01")));
        assertThat(beforeBirth.status()).isEqualTo(422);
        assertThat(beforeBirth.json().path("rule").asText()).isEqualTo("date.before-birth");

        var unknownProvider = api.post(
                courses,
                "sprachkurs",
                ApiClient.json(Map.of(
                        "courseType",
                        "INTEGRATION_WOMEN",
                        "startsOn",
                        "2024-06-06",
                        "providerAgency",
                        "no-such-agency")));
        assertThat(unknownProvider.json().path("errors").findValuesAsText("field"))
                .containsExactly("providerAgency");
    }

    @Test
    void a_step_outside_the_agencys_entitlements_is_403_and_writes_nothing() {
        long before = events();
        var response = api.post(
                "/api/v1/persons/" + personId + "/counselling-sessions",
                "sprachkurs",
                ApiClient.json(Map.of("topics", List.of("HOUSING"))));
        assertThat(response.status()).isEqualTo(403);
        assertThat(response.json().path("rule").asText()).isEqualTo("policy.command-not-allowed");
        assertThat(api.post("/api/v1/persons", "jobcenter", ApiClient.json(RegistrationApiTest.validPerson()))
                        .status())
                .isEqualTo(403);
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void a_step_for_an_unknown_person_is_404() {
        var response = api.post(
                "/api/v1/persons/" + UUID.randomUUID() + "/benefit-regime",
                "jobcenter",
                ApiClient.json(Map.of("regime", "SGB_II")));
        assertThat(response.status()).isEqualTo(404);
    }
}
