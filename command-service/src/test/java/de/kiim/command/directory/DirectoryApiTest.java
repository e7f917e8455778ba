package de.kiim.command.directory;

import static de.kiim.testsupport.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import de.kiim.command.person.RegistrationApiTest;
import de.kiim.platform.security.AgencyDirectory;
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
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.ActiveProfiles;

/**
 * The agency directory over HTTP: data stewards add, rename and close agencies, each change one event in the
 * agency's stream and one row in the directory, in one transaction; anyone else, and any bad body, changes nothing.
 * A closed agency's users are refused and nobody can grant it access to a person.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=command-service,test")
@ActiveProfiles("local")
class DirectoryApiTest {

    private static final String AGENCIES = "/api/v1/admin/agencies";

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    AgencyDirectory directory;

    @Autowired
    PasswordEncoder passwords;

    ApiClient api;

    @BeforeEach
    void setUp() {
        api = ApiClient.onPort(port);
    }

    private static String newId() {
        return "jc-test-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static Map<String, Object> agency(String id) {
        var body = new LinkedHashMap<String, Object>();
        body.put("id", id);
        body.put("name", "Jobcenter Testkreis");
        body.put("kind", "JOBCENTER");
        body.put("municipality", "03153017");
        return body;
    }

    private long events(String agencyId) {
        return jdbc.queryForObject(
                "select count(*) from event_store.domain_event_entry where aggregate_identifier = ?",
                Long.class,
                agencyId);
    }

    private long rows(String agencyId) {
        return jdbc.queryForObject("select count(*) from directory.agency where id = ?", Long.class, agencyId);
    }

    @Test
    void a_steward_adds_an_agency_once_as_one_event_and_one_row() {
        String id = newId();
        assertThat(api.post(AGENCIES, "steward", json(agency(id))).status()).isEqualTo(201);
        assertThat(directory.kindOf(id))
                .hasValueSatisfying(kind -> assertThat(kind.name()).isEqualTo("JOBCENTER"));
        assertThat(jdbc.queryForObject("""
                select payload_type || ' ' || type || ' ' || sequence_number from event_store.domain_event_entry
                 where aggregate_identifier = ?""", String.class, id))
                .isEqualTo("de.kiim.events.directory.AgencyAdded Agency 0");

        var again = api.post(AGENCIES, "steward", json(agency(id)));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().path("rule").asText()).isEqualTo("agency.id-taken");
        assertThat(events(id)).isEqualTo(1);
    }

    @Test
    void only_a_data_steward_changes_the_directory() {
        String id = newId();
        assertThat(api.post(AGENCIES, "abh", json(agency(id))).status()).isEqualTo(403);
        assertThat(api.post(AGENCIES + "/abh-harz/closure", "kim", "{}").status())
                .isEqualTo(403);
        assertThat(api.get(AGENCIES, "jobcenter").status()).isEqualTo(403);
        assertThat(rows(id)).isZero();
        assertThat(directory.kindOf("abh-harz")).isPresent();
    }

    @Test
    void a_bad_body_names_its_field_and_writes_nothing() {
        String id = newId();
        for (var bad : Map.of(
                        "kind",
                        "JOBCENTRE",
                        "municipality",
                        "99999999",
                        "id",
                        "Jobcenter Goslar",
                        "name",
                        " ",
                        "addedOn",
                        "2999-01-01")
                .entrySet()) {
            var body = agency(bad.getKey().equals("id") ? bad.getValue() : id);
            body.put(bad.getKey(), bad.getValue());
            var answer = api.post(AGENCIES, "steward", json(body));
            assertThat(answer.status()).as(bad.getKey()).isEqualTo(400);
            assertThat(answer.body()).as(bad.getKey()).contains("\"" + bad.getKey() + "\"");
        }
        assertThat(rows(id)).isZero();
        assertThat(events(id)).isZero();
    }

    @Test
    void an_agency_id_shaped_like_a_uuid_is_refused_so_that_no_agency_stream_is_a_persons() {
        String personId = api.post("/api/v1/persons", "abh", json(RegistrationApiTest.validPerson()))
                .json()
                .path("personId")
                .asText();
        long personEvents = events(personId);

        var added = api.post(AGENCIES, "steward", json(agency(personId)));
        assertThat(added.status()).as(added.body()).isEqualTo(400);
        assertThat(added.body()).contains("\"id\"");
        assertThat(api.post(AGENCIES + "/" + personId + "/name", "steward", "{\"name\":\"Neu\"}")
                        .status())
                .isEqualTo(404);
        assertThat(api.post(AGENCIES + "/" + personId + "/closure", "steward", "{}")
                        .status())
                .isEqualTo(404);
        assertThat(events(personId)).isEqualTo(personEvents);
        assertThat(rows(personId)).isZero();
    }

    @Test
    void directory_dates_stay_within_the_calendar_and_in_order() {
        String id = newId();
        var body = agency(id);
        body.put("addedOn", "-999999999-01-01");
        var ancient = api.post(AGENCIES, "steward", json(body));
        assertThat(ancient.status()).isEqualTo(400);
        assertThat(ancient.json().path("errors").toString())
                .isEqualTo("[{\"field\":\"addedOn\",\"reason\":\"must be a date from 1900-01-01 to 9999-12-31\"}]");

        body.put("addedOn", "2024-06-03");
        assertThat(api.post(AGENCIES, "steward", json(body)).status()).isEqualTo(201);
        var closedBeforeAdded = api.post(AGENCIES + "/" + id + "/closure", "steward", "{\"closedOn\":\"2024-06-02\"}");
        assertThat(closedBeforeAdded.status()).isEqualTo(422);
        assertThat(closedBeforeAdded.json().path("rule").asText()).isEqualTo("agency.dated-before-last-change");
        assertThat(api.post(AGENCIES + "/" + id + "/name", "steward", "{\"name\":\"Neu\",\"renamedOn\":\"2024-01-01\"}")
                        .status())
                .isEqualTo(422);
        assertThat(events(id)).isEqualTo(1);
    }

    @Test
    void a_name_that_hides_or_reorders_text_is_refused_and_composed_text_is_kept_composed() {
        String id = newId();
        var reversed = agency(id);
        reversed.put("name", "Jobcenter \u202Erazsog");
        assertThat(api.post(AGENCIES, "steward", json(reversed))
                        .json()
                        .path("errors")
                        .toString())
                .isEqualTo("[{\"field\":\"name\",\"reason\":\"must not contain control characters\"}]");
        var hidden = agency(id);
        hidden.put("name", "Jobcenter\u200BGoslar");
        assertThat(api.post(AGENCIES, "steward", json(hidden)).status()).isEqualTo(400);
        assertThat(rows(id)).isZero();

        var decomposed = agency(id);
        decomposed.put("name", "Sozialamt Mu\u0308nchehof");
        assertThat(api.post(AGENCIES, "steward", json(decomposed)).status()).isEqualTo(201);
        assertThat(jdbc.queryForObject("select name from directory.agency where id = ?", String.class, id))
                .isEqualTo("Sozialamt M\u00fcnchehof");
    }

    @Test
    void an_agency_entered_by_the_dba_is_renamed_and_closed_like_any_other() {
        String id = newId();
        jdbc.update(
                "insert into directory.agency (id, name, kind, municipality) values (?, 'Alt', 'SOZIALAMT', "
                        + "'15085135')",
                id);
        assertThat(api.post(AGENCIES + "/" + id + "/name", "steward", "{\"name\":\"Neu\"}")
                        .status())
                .isEqualTo(204);
        assertThat(jdbc.queryForObject("select name from directory.agency where id = ?", String.class, id))
                .isEqualTo("Neu");
        var same = api.post(AGENCIES + "/" + id + "/name", "steward", "{\"name\":\"Neu\"}");
        assertThat(same.json().path("rule").asText()).isEqualTo("agency.name-unchanged");
        assertThat(api.post(AGENCIES + "/" + id + "/closure", "steward", "{}").status())
                .isEqualTo(204);
        assertThat(events(id)).isEqualTo(2);

        var closedAgain = api.post(AGENCIES + "/" + id + "/closure", "steward", "{}");
        assertThat(closedAgain.status()).isEqualTo(409);
        assertThat(closedAgain.json().path("rule").asText()).isEqualTo("agency.closed");
        assertThat(api.post(AGENCIES + "/" + id + "/name", "steward", "{\"name\":\"Neuer\"}")
                        .status())
                .isEqualTo(409);
        assertThat(api.post(AGENCIES + "/no-such-agency/closure", "steward", "{}")
                        .status())
                .isEqualTo(404);
        assertThat(events(id)).isEqualTo(2);
    }

    @Test
    void a_closed_agency_signs_nobody_in_and_cannot_be_granted_access() {
        String id = newId();
        assertThat(api.post(AGENCIES, "steward", json(agency(id))).status()).isEqualTo(201);
        String user = id + "-user";
        jdbc.update(
                "insert into directory.app_user (username, password_hash, agency_id, roles) values (?, ?, ?, "
                        + "'{CASEWORKER}')",
                user,
                passwords.encode("demo"),
                id);
        assertThat(directory.loadUserByUsername(user).isEnabled()).isTrue();

        assertThat(api.post(AGENCIES + "/" + id + "/closure", "steward", "{}").status())
                .isEqualTo(204);

        assertThat(directory.loadUserByUsername(user).isEnabled()).isFalse();
        assertThat(api.post("/api/v1/persons", user, json(RegistrationApiTest.validPerson()))
                        .status())
                .isEqualTo(401);
        String personId = api.post("/api/v1/persons", "abh", json(RegistrationApiTest.validPerson()))
                .json()
                .path("personId")
                .asText();
        var share = api.post(
                "/api/v1/persons/" + personId + "/case-shares",
                "abh",
                json(Map.of("agency", id, "legalBasis", "SGB_X_69")));
        assertThat(share.status()).isEqualTo(400);
        assertThat(share.body()).contains("\"agency\"");
        assertThat(api.get(AGENCIES, "steward").json().findValuesAsText("id")).contains(id);
    }
}
