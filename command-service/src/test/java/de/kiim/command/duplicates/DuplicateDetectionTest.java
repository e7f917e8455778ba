package de.kiim.command.duplicates;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import de.kiim.command.person.RegistrationApiTest;
import de.kiim.testsupport.ApiClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/** Duplicate detection at registration over HTTP, against the blind indexes in PostgreSQL. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=command-service,test")
@ActiveProfiles("local")
class DuplicateDetectionTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    ApiClient api;
    String birthDate;

    @BeforeEach
    void setUp() {
        api = ApiClient.onPort(port);
        // A birth date of its own per test, so that the tests' persons never meet each other.
        birthDate = "19%02d-%02d-%02d"
                .formatted(
                        ThreadLocalRandom.current().nextInt(40, 99),
                        ThreadLocalRandom.current().nextInt(1, 13),
                        ThreadLocalRandom.current().nextInt(1, 29));
    }

    private Map<String, Object> person(String familyName, String givenNames) {
        var body = RegistrationApiTest.validPerson();
        body.put("familyName", familyName);
        body.put("givenNames", givenNames);
        body.put("dateOfBirth", birthDate);
        body.remove("azrNumber");
        return body;
    }

    private ApiClient.Response register(Map<String, Object> body) {
        return api.post("/api/v1/persons", "abh", ApiClient.json(body));
    }

    private List<String> candidates(JsonNode problem) {
        List<String> ids = new ArrayList<>();
        problem.path("candidates").forEach(id -> ids.add(id.asText()));
        return ids;
    }

    @Test
    void name_variants_with_the_same_birth_date_are_likely_duplicates() {
        String first =
                register(person("Müller", "Anna Lena")).json().path("personId").asText();
        for (var variant : List.of(
                person("Mueller", "Anna Lena"),
                person("MÜLLER", "ANNA LENA"),
                person("Müller", "Lena Anna"),
                person("Anna", "Lena Müller"))) {
            var response = register(variant);
            assertThat(response.status()).as(variant.toString()).isEqualTo(409);
            assertThat(response.json().path("rule").asText()).isEqualTo("person.likely-duplicate");
            assertThat(candidates(response.json())).containsExactly(first);
        }
        String second =
                register(person("Strauß", "Çetin")).json().path("personId").asText();
        assertThat(candidates(register(person("Strauss", "Cetin")).json())).containsExactly(second);
    }

    @Test
    void another_birth_date_or_another_name_is_no_duplicate() {
        assertThat(register(person("Yilmaz", "Elif")).status()).isEqualTo(201);
        assertThat(register(person("Yilmaz", "Emre")).status()).isEqualTo(201);
        var otherBirth = person("Yilmaz", "Elif");
        otherBirth.put("dateOfBirth", "2001-01-01");
        assertThat(register(otherBirth).status()).isEqualTo(201);
    }

    @Test
    void a_confirmed_different_person_is_registered_and_problems_reveal_no_names() {
        String first =
                register(person("Haddad", "Amal")).json().path("personId").asText();
        var conflict = register(person("Hadad", "Amal"));
        assertThat(conflict.status()).isEqualTo(409);
        assertThat(conflict.body()).doesNotContain("Haddad", "Amal", birthDate);

        var confirmed = person("Hadad", "Amal");
        confirmed.put("confirmedDistinctFrom", List.of(first));
        assertThat(register(confirmed).status()).isEqualTo(201);
        // Now two candidates; confirming only one of them is not enough.
        assertThat(candidates(register(confirmed).json())).hasSize(1);
    }

    @Test
    void an_azr_number_is_registered_once_and_never_stored_in_clear() {
        String azr = String.format("%012d", ThreadLocalRandom.current().nextLong(1_000_000_000_000L));
        var body = person("Karimi", "Farid");
        body.put("azrNumber", azr);
        String first = register(body).json().path("personId").asText();

        var other = person("Nazari", "Samira");
        other.put("azrNumber", azr);
        var response = register(other);

        assertThat(response.status()).isEqualTo(409);
        assertThat(response.json().path("rule").asText()).isEqualTo("azr-number.registered");
        assertThat(candidates(response.json())).containsExactly(first);
        assertThat(jdbc.queryForObject(
                        "select count(*) from command.blind_index where digest = convert_to(?, 'UTF8')",
                        Long.class,
                        azr))
                .isZero();
    }

    @Test
    void of_concurrent_registrations_with_one_azr_number_exactly_one_succeeds() throws Exception {
        String azr = String.format("%012d", ThreadLocalRandom.current().nextLong(1_000_000_000_000L));
        var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            List<java.util.concurrent.Future<Integer>> statuses = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                var body = person("Rennen-" + i, "Azr");
                body.put("azrNumber", azr);
                statuses.add(pool.submit(() -> register(body).status()));
            }
            List<Integer> answers = new ArrayList<>();
            for (var status : statuses) {
                answers.add(status.get());
            }
            assertThat(answers).containsOnly(201, 409).containsOnlyOnce(201);
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void a_correction_moves_the_person_in_the_index_and_erasure_removes_them() {
        String personId =
                register(person("Popescu", "Ionut")).json().path("personId").asText();
        var corrected = api.post(
                "/api/v1/persons/" + personId + "/base-data-corrections",
                "abh",
                ApiClient.json(Map.of("familyName", "Bondarenko")));
        assertThat(corrected.status()).isEqualTo(204);
        assertThat(register(person("Popescu", "Ionut")).status()).isEqualTo(201);
        assertThat(candidates(register(person("Bondarenko", "Ionut")).json())).containsExactly(personId);

        var erased = api.post(
                "/api/v1/persons/" + personId + "/erasure",
                "steward",
                ApiClient.json(Map.of("reason", "DATA_SUBJECT_REQUEST")));
        assertThat(erased.status()).isEqualTo(200);
        assertThat(jdbc.queryForObject(
                        "select count(*) from command.blind_index where person_id = ?",
                        Long.class,
                        UUID.fromString(personId)))
                .isZero();
        assertThat(register(person("Bondarenko", "Ionut")).status()).isEqualTo(201);
    }

    /**
     * Finding: the duplicate answer named candidate ids to anyone who may register, so names and a birth date, or
     * an AZR number alone, bought the id of a person the caller does not see — and it ran before the entitlement
     * check, so even an agency that may not register learnt ids.
     */
    @Test
    void candidates_are_named_only_to_an_agency_that_sees_them_and_never_before_the_entitlement_check() {
        jdbc.update("""
                insert into directory.agency (id, name, kind, municipality)
                values ('abh-nachbar', 'Ausländerbehörde Nachbarkreis', 'AUSLAENDERBEHOERDE', '15089000')
                on conflict (id) do nothing""");
        jdbc.update("""
                insert into directory.app_user (username, password_hash, agency_id, roles, demo)
                select 'abh-nachbar', password_hash, 'abh-nachbar', roles, true from directory.app_user
                 where username = 'abh' on conflict (username) do nothing""");
        var person = person("Verborgen", "Testa");
        person.put("azrNumber", "%012d".formatted(ThreadLocalRandom.current().nextLong(1_000_000_000_000L)));
        String id = register(person).json().path("personId").asText();

        var byName = new java.util.LinkedHashMap<>(person);
        byName.remove("azrNumber");
        var nameMatch = api.post("/api/v1/persons", "abh-nachbar", ApiClient.json(byName));
        assertThat(nameMatch.status()).isEqualTo(409);
        assertThat(nameMatch.json().path("rule").asText()).isEqualTo("person.likely-duplicate");
        assertThat(nameMatch.json().has("candidates")).isFalse();
        assertThat(nameMatch.body()).doesNotContain(id).contains("integration management");
        var azrMatch = api.post("/api/v1/persons", "abh-nachbar", ApiClient.json(person));
        assertThat(azrMatch.status()).isEqualTo(409);
        assertThat(azrMatch.body()).doesNotContain(id);

        // The registering agency sees the candidate and is told its id.
        assertThat(candidates(register(byName).json())).containsExactly(id);
        // An agency that may not register is refused before any duplicate is looked for.
        var notAllowed = api.post("/api/v1/persons", "jobcenter", ApiClient.json(person));
        assertThat(notAllowed.status()).isEqualTo(403);
        assertThat(notAllowed.body()).doesNotContain(id);
    }
}
