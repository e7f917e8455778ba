package de.kiim.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import de.kiim.events.PersonId;
import de.kiim.events.benefits.BenefitRegimeChanged;
import de.kiim.events.course.CourseCompleted;
import de.kiim.events.course.CourseEnrolled;
import de.kiim.events.person.PersonRegistered;
import de.kiim.events.residence.ResidenceStatusChanged;
import de.kiim.events.vocabulary.AgeBand;
import de.kiim.events.vocabulary.BenefitRegime;
import de.kiim.events.vocabulary.CefrLevel;
import de.kiim.events.vocabulary.CountryCode;
import de.kiim.events.vocabulary.CourseType;
import de.kiim.events.vocabulary.MunicipalityCode;
import de.kiim.events.vocabulary.ResidenceStatus;
import de.kiim.events.vocabulary.Sex;
import de.kiim.testsupport.ApiClient;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/** Searching the caller's agency view: combined filters, sorting, paging, columns, saved views, bad parameters. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=query-service,test")
@ActiveProfiles("local")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PersonSearchTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcTemplate jdbc;

    @LocalServerPort
    int port;

    ApiClient api;
    /** A family-name prefix of this test run's persons only. */
    final String prefix = "Suche" + ThreadLocalRandom.current().nextInt(100_000, 1_000_000);

    @BeforeAll
    void population() {
        api = ApiClient.onPort(port);
        person("Alpha", "SY", 1990, "15085135", LocalDate.of(2016, 5, 1), BenefitRegime.SGB_II, CefrLevel.B1);
        person("Beta", "SY", 1991, "15085370", LocalDate.of(2019, 2, 1), BenefitRegime.SGB_II, null);
        person("Gamma", "UA", 1990, "15085135", LocalDate.of(2022, 4, 1), BenefitRegime.ASYLBLG, CefrLevel.A2);
        person("Delta", "AF", 1985, "15085235", LocalDate.of(2023, 9, 1), null, null);
        await().atMost(Duration.ofSeconds(15))
                .until(() -> search("kim", "").path("total").asInt() == 4);
    }

    private void person(
            String name,
            String nationality,
            int birthYear,
            String municipality,
            LocalDate entry,
            BenefitRegime regime,
            CefrLevel completedAt) {
        PersonId personId = PersonId.random();
        List<Object> events = new ArrayList<>(List.of(
                new PersonRegistered(
                        personId,
                        entry,
                        prefix + name,
                        "Testa",
                        LocalDate.of(birthYear, 6, 15),
                        Sex.FEMALE,
                        CountryCode.of(nationality),
                        entry,
                        null,
                        MunicipalityCode.of(municipality),
                        AgeBand.on(entry, LocalDate.of(birthYear, 6, 15))),
                new ResidenceStatusChanged(personId, entry, ResidenceStatus.AE_25_2_REFUGEE, null)));
        if (regime != null) {
            events.add(new BenefitRegimeChanged(personId, entry, regime, null));
        }
        if (completedAt != null) {
            UUID course = UUID.randomUUID();
            events.add(new CourseEnrolled(personId, course, entry, CourseType.INTEGRATION_GENERAL, entry, "vhs-harz"));
            events.add(new CourseCompleted(personId, course, entry.plusMonths(9), List.of(), completedAt));
        }
        new PersonStreams(context).append(personId, 0, "abh-harz", events);
    }

    private JsonNode search(String user, String query) {
        return api.get("/api/v1/persons?name=" + prefix + (query.isEmpty() ? "" : "&" + query), user)
                .json();
    }

    private static List<String> names(JsonNode page) {
        List<String> names = new ArrayList<>();
        page.path("persons")
                .forEach(person -> names.add(person.path("familyName").asText().replaceFirst("Suche\\d+", "")));
        return names;
    }

    @Test
    void filters_combine_and_sort() {
        assertThat(names(search("kim", "nationality=SYR&benefitRegime=SGB_II"))).containsExactly("Alpha", "Beta");
        assertThat(names(search("kim", "birthYear=1990&sort=-familyName"))).containsExactly("Gamma", "Alpha");
        assertThat(names(search("kim", "cefrLevel=A2"))).containsExactly("Alpha", "Gamma");
        assertThat(names(search("kim", "cefrLevel=B1&municipality=15085135"))).containsExactly("Alpha");
        assertThat(names(search("kim", "courseType=INTEGRATION_GENERAL&courseState=COMPLETED")))
                .containsExactly("Alpha", "Gamma");
        assertThat(names(search("kim", "arrivedFrom=2019-01-01&arrivedTo=2022-12-31")))
                .containsExactly("Beta", "Gamma");
        assertThat(names(search("kim", "residenceStatus=AE_25_2_REFUGEE&sort=dateOfBirth")))
                .containsExactly("Delta", "Alpha", "Gamma", "Beta");
    }

    @Test
    void pages_and_columns() {
        var first = search("kim", "size=3&fields=familyName,cefrLevel");
        assertThat(first.path("total").asInt()).isEqualTo(4);
        assertThat(names(first)).containsExactly("Alpha", "Beta", "Delta");
        assertThat(first.path("persons").get(0).path("cefrLevel").asText()).isEqualTo("B1");
        assertThat(first.path("persons").get(0).has("nationality")).isFalse();
        assertThat(first.path("persons").get(0).has("personId")).isTrue();
        assertThat(names(search("kim", "size=3&page=1"))).containsExactly("Gamma");
    }

    @Test
    void an_agency_searches_only_its_own_view() {
        // The foreigners' authority registered them all but may not read benefits or language.
        assertThat(search("abh", "").path("total").asInt()).isEqualTo(4);
        assertThat(search("abh", "benefitRegime=SGB_II").path("total").asInt()).isZero();
        assertThat(search("abh", "fields=benefitRegime")
                        .path("persons")
                        .get(0)
                        .path("benefitRegime")
                        .isNull())
                .isTrue();
        assertThat(search("sozialamt", "").path("total").asInt()).isEqualTo(1);
        assertThat(search("beratung", "").path("total").asInt()).isZero();
    }

    @Test
    void saved_views_belong_to_their_user() {
        assertThat(api.put(
                                "/api/v1/views/sgb2-kurs",
                                "kim",
                                "{\"query\":\"benefitRegime=SGB_II&fields=familyName,cefrLevel&sort=-familyName\"}")
                        .status())
                .isEqualTo(204);
        assertThat(api.get("/api/v1/views", "kim").json().path("sgb2-kurs").asText())
                .contains("SGB_II");
        assertThat(names(search("kim", "view=sgb2-kurs"))).containsExactly("Beta", "Alpha");
        assertThat(api.get("/api/v1/persons?view=sgb2-kurs", "jobcenter").status())
                .isEqualTo(404);
        assertThat(api.put("/api/v1/views/broken", "kim", "{\"query\":\"benefitRegime=SGB_9\"}")
                        .status())
                .isEqualTo(400);
    }

    @Test
    void a_search_logs_each_returned_person_with_its_purpose_and_never_the_search_terms() {
        long before = jdbc.queryForObject("select coalesce(max(seq), 0) from audit.access_log", Long.class);
        var page = search("kim", "size=3&purpose=CASE_WORK&birthYear=1990");
        List<String> returned = page.path("persons").findValuesAsText("personId");
        assertThat(returned).hasSize(2);

        var logged = jdbc.queryForList(
                "select * from audit.access_log where seq > ? and username = 'kim' order by seq", before);
        assertThat(logged)
                .extracting(entry -> entry.get("person_id").toString())
                .isEqualTo(returned);
        assertThat(logged).allSatisfy(entry -> {
            assertThat(entry.get("view")).isEqualTo("SEARCH");
            assertThat(entry.get("purpose")).isEqualTo("CASE_WORK");
            assertThat(entry.get("agency_id")).isEqualTo("kim-harz");
        });
        // The auditor sees who was shown, never what was searched for.
        var audit = api.get("/api/v1/audit/access?user=kim&afterSeq=" + before, "auditor");
        assertThat(audit.json().findValuesAsText("personId")).containsAll(returned);
        assertThat(audit.body()).doesNotContain(prefix);
        assertThat(api.get("/api/v1/audit/access/verification", "auditor")
                        .json()
                        .path("intact")
                        .asBoolean())
                .isTrue();

        long afterFirst = jdbc.queryForObject("select max(seq) from audit.access_log", Long.class);
        assertThat(search("kim", "nationality=DEU").path("total").asInt()).isZero();
        assertThat(jdbc.queryForObject(
                        "select count(*) from audit.access_log where seq > ? and username = 'kim'",
                        Long.class,
                        afterFirst))
                .isZero();
        assertThat(api.get("/api/v1/persons?purpose=GOSSIP", "kim").status()).isEqualTo(400);
    }

    @Test
    void a_saved_view_refuses_a_name_or_birth_year_filter_and_names_it() {
        var refused =
                api.put("/api/v1/views/wer", "kim", "{\"query\":\"name=Mustermann&birthYear=1990&sort=familyName\"}");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("errors").findValuesAsText("field"))
                .containsExactlyInAnyOrder("name", "birthYear");
        assertThat(api.put("/api/v1/views/wer", "kim", "{\"query\":\"fields=familyName&birthYear=1990\"}")
                        .json()
                        .path("errors")
                        .findValuesAsText("field"))
                .containsExactly("birthYear");
        assertThat(api.get("/api/v1/views", "kim").json().has("wer")).isFalse();
        // Searching by name stays possible, just not saving it.
        assertThat(api.put("/api/v1/views/coded", "kim", "{\"query\":\"nationality=SYR&sort=-familyName\"}")
                        .status())
                .isEqualTo(204);
        assertThat(names(search("kim", "view=coded"))).containsExactly("Beta", "Alpha");
    }

    @Test
    void bad_parameters_are_named_and_sql_stays_out() {
        var bad = api.get("/api/v1/persons?nationality=XY&sort=salary&size=500&colour=blue&cefrLevel=B3", "kim");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().path("errors").findValuesAsText("field"))
                .containsExactly("cefrLevel", "colour", "nationality", "size", "sort");
        var injection = api.get("/api/v1/persons?name=x%27%20or%201%3D1--", "kim");
        assertThat(injection.status()).isEqualTo(200);
        assertThat(injection.json().path("total").asInt()).isZero();
        assertThat(api.get("/api/v1/persons", "auditor").status()).isEqualTo(403);
    }

    /** PostgreSQL refuses NUL: a search term holding one was a 500; every control character is a 400 now. */
    @Test
    void a_control_character_in_a_parameter_is_a_400_naming_it() {
        var nul = api.get("/api/v1/persons?name=Geheim%00name&birthYear=1990", "kim");
        assertThat(nul.status()).isEqualTo(400);
        assertThat(nul.json().path("errors").toString())
                .isEqualTo("[{\"field\":\"name\",\"reason\":\"must not contain control characters\"}]");
        assertThat(nul.body()).doesNotContain("Geheim");
        assertThat(api.get("/api/v1/persons?name=Bei%0Aspiel", "kim").status()).isEqualTo(400);
    }

    /** The web UI posts its searches, so that names stay out of URLs: the body answers exactly as the query string. */
    @Test
    void a_search_in_the_body_answers_as_the_query_string_and_refuses_alike() {
        var posted = api.post(
                "/api/v1/persons/search",
                "kim",
                ApiClient.json(java.util.Map.of(
                        "name", prefix, "nationality", "SYR", "benefitRegime", "SGB_II", "purpose", "CASE_WORK")));
        assertThat(posted.status()).isEqualTo(200);
        assertThat(names(posted.json())).containsExactly("Alpha", "Beta");
        assertThat(posted.json().path("total").asInt())
                .isEqualTo(search("kim", "nationality=SYR&benefitRegime=SGB_II")
                        .path("total")
                        .asInt());

        var bad = api.post("/api/v1/persons/search", "kim", "{\"name\": \"Geheim\\u0000name\", \"colour\": \"blue\"}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).doesNotContain("Geheim");
        var purpose = api.post("/api/v1/persons/search", "kim", "{\"name\": \"A\", \"purpose\": \"GOSSIP\"}");
        assertThat(purpose.status()).isEqualTo(400);
        assertThat(purpose.json().path("errors").findValuesAsText("field")).containsExactly("purpose");
        assertThat(api.post("/api/v1/persons/search", "kim", "{\"name\": {\"nested\": 1}}")
                        .status())
                .isEqualTo(400);
        assertThat(api.post("/api/v1/persons/search", "auditor", "{}").status()).isEqualTo(403);
    }

    /** Who the caller is, with the steps the agency may record: what a client shapes its screens by. */
    @Test
    void the_caller_learns_its_agency_roles_and_the_steps_it_may_record() {
        var counsellor = api.get("/api/v1/me", "beratung");
        assertThat(counsellor.status()).isEqualTo(200);
        assertThat(counsellor.json().path("agency").asText()).isEqualTo("mbe-harz");
        assertThat(counsellor.json().path("agencyKind").asText()).isEqualTo("MIGRATIONSBERATUNG");
        assertThat(counsellor.json().path("roles").toString()).isEqualTo("[\"CASEWORKER\"]");
        assertThat(counsellor.json().path("sends").toString()).contains("\"RecordCounsellingSession\"");
        var courseProvider = api.get("/api/v1/me", "sprachkurs");
        assertThat(courseProvider.json().path("sends").toString()).doesNotContain("RecordCounsellingSession");
        assertThat(api.get("/api/v1/me", "analyst").json().path("roles").toString())
                .isEqualTo("[\"ANALYST\"]");
        assertThat(api.get("/api/v1/me", null).status()).isEqualTo(401);
    }
}
