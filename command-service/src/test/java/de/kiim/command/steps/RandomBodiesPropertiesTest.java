package de.kiim.command.steps;

import static org.assertj.core.api.Assertions.assertThat;

import de.kiim.command.CommandServiceApplication;
import de.kiim.command.person.RegistrationApiTest;
import de.kiim.testsupport.ApiClient;
import de.kiim.testsupport.TestDatabase;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Whatever a client sends to any command resource, the answer is never a 500, and only a 2xx answer writes an
 * event. Bodies are random mixes of the resources' own field names (and strangers) with values of every JSON shape.
 */
class RandomBodiesPropertiesTest {

    private static final List<String> FIELDS = List.of(
            "familyName",
            "givenNames",
            "dateOfBirth",
            "sex",
            "nationality",
            "entryDate",
            "azrNumber",
            "municipality",
            "registeredOn",
            "movedOn",
            "destination",
            "status",
            "validFrom",
            "validUntil",
            "regime",
            "since",
            "skill",
            "level",
            "method",
            "assessedOn",
            "courseType",
            "startsOn",
            "providerAgency",
            "enrolledOn",
            "reason",
            "interruptedOn",
            "resumedOn",
            "examResults",
            "levelReached",
            "completedOn",
            "lastAttendedOn",
            "years",
            "country",
            "recordedOn",
            "referenceOccupation",
            "outcome",
            "decidedOn",
            "occupation",
            "kind",
            "weeklyHours",
            "startedOn",
            "endedOn",
            "topics",
            "agreedNextSteps",
            "heldOn",
            "purpose",
            "recipientAgency",
            "legalBasis",
            "evidenceReference",
            "givenOn",
            "withdrawnOn",
            "agency",
            "sharedOn",
            "unknownField");

    private static ConfigurableApplicationContext service;
    private static ApiClient api;
    private static JdbcTemplate jdbc;
    private static String personId;
    private static Map<String, String> resources;

    @BeforeContainer
    static void start() {
        service = CommandServiceApplication.builder()
                .profiles("local")
                .properties("server.port=0", "spring.config.name=command-service,test")
                // A database of its own: no other test's services may write to it meanwhile.
                .run(database("--spring.datasource"));
        api = ApiClient.onPort(
                ((WebServerApplicationContext) service).getWebServer().getPort());
        jdbc = service.getBean(JdbcTemplate.class);
        personId = api.post("/api/v1/persons", "abh", ApiClient.json(RegistrationApiTest.validPerson()))
                .json()
                .path("personId")
                .asText();
        String person = "/api/v1/persons/" + personId;
        String course = api.post(
                        person + "/courses",
                        "abh",
                        ApiClient.json(Map.of(
                                "courseType",
                                "INTEGRATION_GENERAL",
                                "startsOn",
                                "2024-01-08",
                                "providerAgency",
                                "vhs-harz")))
                .json()
                .path("enrolmentId")
                .asText();
        api.post(
                person + "/case-shares",
                "abh",
                ApiClient.json(Map.of("agency", "jobcenter-harz", "legalBasis", "SGB_X_69")));
        String job = api.post(
                        person + "/employments",
                        "jobcenter",
                        ApiClient.json(Map.of("occupation", "54101", "kind", "MINI_JOB", "startedOn", "2024-01-02")))
                .json()
                .path("employmentId")
                .asText();
        resources = new LinkedHashMap<>();
        for (String path : List.of(
                "",
                "/base-data-corrections",
                "/moves",
                "/move-away",
                "/residence-status",
                "/benefit-regime",
                "/language-assessments",
                "/courses",
                "/courses/" + course + "/interruptions",
                "/courses/" + course + "/resumptions",
                "/courses/" + course + "/completion",
                "/courses/" + course + "/drop-out",
                "/schooling",
                "/recognition-decisions",
                "/previous-occupations",
                "/employments",
                "/employments/" + job + "/end",
                "/counselling-sessions",
                "/consents",
                "/consent-withdrawals",
                "/case-shares")) {
            resources.put(path.isEmpty() ? "registration" : path, path.isEmpty() ? "/api/v1/persons" : person + path);
        }
    }

    private static String[] database(String prefix) {
        TestDatabase own = TestDatabase.another();
        return new String[] {
            prefix + ".url=" + own.jdbcUrl(),
            prefix + ".username=" + own.username(),
            prefix + ".password=" + own.password()
        };
    }

    @AfterContainer
    static void stop() {
        service.close();
    }

    @Property(tries = 400)
    void no_body_gives_a_500_and_only_success_writes(
            @ForAll("resources") String resource, @ForAll("bodies") String body) {
        long before = events();

        var response = api.post(resources.get(resource), "abh", body);

        assertThat(response.status())
                .as("%s answered %s", resource, response.body())
                .isLessThan(500);
        boolean succeeded = response.status() / 100 == 2;
        assertThat(events()).as("events after %s", response.status()).isEqualTo(succeeded ? before + 1 : before);
    }

    @Provide
    Arbitrary<String> resources() {
        return Arbitraries.of(resources.keySet());
    }

    @Provide
    Arbitrary<String> bodies() {
        Arbitrary<String> fields =
                Arbitraries.maps(Arbitraries.of(FIELDS), values()).ofMaxSize(8).map(ApiClient::json);
        Arbitrary<String> junk = Arbitraries.of(
                "",
                "null",
                "[]",
                "{",
                "\"text\"",
                "42",
                "{\"a\":}",
                "{}",
                "{\"topics\":[null]}",
                "{\"examResults\":\"DTZ_B1\"}");
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(9, fields), net.jqwik.api.Tuple.of(1, junk));
    }

    private static Arbitrary<Object> values() {
        return Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(30).map(Object.class::cast),
                Arbitraries.strings().withChars('a', 'Z').ofLength(600).map(Object.class::cast),
                Arbitraries.of(
                                "2024-02-30",
                                "1899-12-31",
                                "2999-01-01",
                                "2024-05-01",
                                "01.05.2024",
                                "SY",
                                "SYR",
                                "A1",
                                "C2",
                                "15085135",
                                "43412",
                                "99999",
                                "vhs-harz",
                                "ILLNESS",
                                "DTZ_B1",
                                "SGB_II",
                                "AE_24",
                                "HOUSING",
                                "EMPLOYMENT",
                                "ISCED_9",
                                "CASE_SHARING",
                                "mbe-harz",
                                "SGB_X_69",
                                "\u0000",
                                "   ")
                        .map(Object.class::cast),
                Arbitraries.integers().map(Object.class::cast),
                Arbitraries.longs().map(Object.class::cast),
                Arbitraries.doubles().map(Object.class::cast),
                Arbitraries.of(true, false).map(Object.class::cast),
                Arbitraries.just(null),
                Arbitraries.of(
                                List.of(),
                                List.of("DTZ_B1", "LID_PASSED"),
                                List.of("HOUSING", 3),
                                Arrays.asList((Object) null),
                                Map.of("nested", 1))
                        .map(Object.class::cast));
    }

    private static long events() {
        return jdbc.queryForObject("select count(*) from event_store.domain_event_entry", Long.class);
    }
}
