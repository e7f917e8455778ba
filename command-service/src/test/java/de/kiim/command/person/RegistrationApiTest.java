package de.kiim.command.person;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import de.kiim.testsupport.ApiClient;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=command-service,test")
@ActiveProfiles("local")
public class RegistrationApiTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    ApiClient api;

    @BeforeEach
    void setUp() {
        api = ApiClient.onPort(port);
    }

    /** A synthetic person; name number and AZR number differ per call, so no two are likely duplicates. */
    public static Map<String, Object> validPerson() {
        var random = java.util.concurrent.ThreadLocalRandom.current();
        var body = new LinkedHashMap<String, Object>();
        // Numbers from a range wide enough that hundreds of registrations never meet (the duplicate check would 409).
        body.put("familyName", "Musterfrau-" + random.nextLong(1_000_000_000_000_000L));
        body.put("givenNames", "Testa");
        body.put("dateOfBirth", "1988-07-14");
        body.put("sex", "FEMALE");
        body.put("nationality", "UA");
        body.put("entryDate", "2022-03-20");
        body.put("azrNumber", String.format("%012d", random.nextLong(1_000_000_000_000L)));
        body.put("municipality", "15085235");
        return body;
    }

    static Map<String, Object> with(String field, Object value) {
        var body = validPerson();
        body.put(field, value);
        return body;
    }

    static Map<String, Object> without(String field) {
        var body = validPerson();
        body.remove(field);
        return body;
    }

    long events() {
        return jdbc.queryForObject("select count(*) from event_store.domain_event_entry", Long.class);
    }

    @Test
    void registers_a_person_with_author_and_time_in_the_event_metadata() {
        long before = events();

        var response = api.post("/api/v1/persons", "abh", ApiClient.json(validPerson()));

        assertThat(response.status()).isEqualTo(201);
        String personId = response.json().path("personId").asText();
        assertThat(UUID.fromString(personId)).isNotNull();
        assertThat(response.header("Location"))
                .hasValueSatisfying(location -> assertThat(location).endsWith("/api/v1/persons/" + personId));
        assertThat(events()).isEqualTo(before + 1);
        String metadata = jdbc.queryForObject("""
                select convert_from(meta_data, 'UTF8') from event_store.domain_event_entry
                 where aggregate_identifier = ?""", String.class, personId);
        assertThat(metadata)
                .contains("\"user\":\"abh\"", "\"agency\":\"abh-harz\"", "\"recordedAt\":", "\"correlationId\":");
    }

    @Test
    void the_callers_correlation_id_is_echoed_and_recorded() {
        var response = api.post("/api/v1/persons", "abh", ApiClient.json(validPerson()));
        String correlationId = response.header("X-Correlation-Id").orElseThrow();
        String metadata = jdbc.queryForObject(
                """
                select convert_from(meta_data, 'UTF8') from event_store.domain_event_entry
                 where aggregate_identifier = ?""", String.class, response.json().path("personId").asText());
        assertThat(metadata).contains("\"correlationId\":\"" + correlationId + "\"");
    }

    static Stream<Arguments> invalidBodies() {
        return Stream.of(
                Arguments.of(without("familyName"), "familyName"),
                Arguments.of(with("familyName", "   "), "familyName"),
                Arguments.of(with("familyName", "x".repeat(201)), "familyName"),
                Arguments.of(with("givenNames", " "), "givenNames"),
                Arguments.of(without("dateOfBirth"), "dateOfBirth"),
                Arguments.of(with("dateOfBirth", "2999-01-01"), "dateOfBirth"),
                Arguments.of(with("dateOfBirth", "14.07.1988"), "dateOfBirth"),
                Arguments.of(with("sex", "F"), "sex"),
                Arguments.of(without("sex"), "sex"),
                Arguments.of(with("nationality", "XY"), "nationality"),
                Arguments.of(with("nationality", 42), "nationality"),
                Arguments.of(with("entryDate", "1980-01-01"), "entryDate"),
                Arguments.of(with("entryDate", "2999-01-01"), "entryDate"),
                Arguments.of(with("azrNumber", "12345"), "azrNumber"),
                Arguments.of(with("municipality", "1508513"), "municipality"),
                Arguments.of(with("municipality", "99085135"), "municipality"),
                Arguments.of(with("registeredOn", "2999-01-01"), "registeredOn"),
                Arguments.of(with("shoeSize", 42), "shoeSize"),
                // Control characters: PostgreSQL cannot store NUL, and none belongs in a name or code.
                Arguments.of(with("familyName", "Bei\u0000spiel"), "familyName"),
                Arguments.of(with("givenNames", "Amal\nNoor"), "givenNames"),
                Arguments.of(with("givenNames", "Amal\u001F"), "givenNames"),
                Arguments.of(with("familyName", "Beispiel\u007F"), "familyName"),
                Arguments.of(with("familyName", "Beispiel\u0085"), "familyName"),
                Arguments.of(with("azrNumber", "12345678901\u0000"), "azrNumber"),
                Arguments.of(with("municipality", "15085135\t"), "municipality"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("invalidBodies")
    void invalid_fields_are_named_in_a_400_problem_and_nothing_is_written(Map<String, Object> body, String field) {
        long before = events();

        var response = api.post("/api/v1/persons", "abh", ApiClient.json(body));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.header("Content-Type")).hasValue("application/problem+json");
        assertThat(response.json().path("errors").findValuesAsText("field")).contains(field);
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void every_invalid_field_is_reported_at_once() {
        var body = validPerson();
        body.put("sex", "X");
        body.put("nationality", "ZZ");
        body.put("municipality", "1");
        body.remove("familyName");

        var response = api.post("/api/v1/persons", "abh", ApiClient.json(body));

        assertThat(response.json().path("errors").findValuesAsText("field"))
                .containsExactly("familyName", "municipality", "nationality", "sex");
    }

    @Test
    void a_nul_in_the_family_name_is_refused_by_name_without_echoing_the_value() {
        long before = events();
        var body = with("familyName", "Geheimname\u0000Beispiel");

        var response = api.post("/api/v1/persons", "abh", ApiClient.json(body));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().path("errors").toString())
                .isEqualTo("[{\"field\":\"familyName\",\"reason\":\"must not contain control characters\"}]");
        assertThat(response.body()).doesNotContain("Geheimname");
        assertThat(events()).isEqualTo(before);
        // Request parameters are text input too, even those the resource does not read.
        var parameter = api.post("/api/v1/persons?note=Geheim%00name", "abh", ApiClient.json(validPerson()));
        assertThat(parameter.status()).isEqualTo(400);
        assertThat(parameter.json().path("errors").findValuesAsText("field")).containsExactly("note");
        assertThat(events()).isEqualTo(before);
        // A raw (unescaped) control character is no JSON at all.
        assertThat(api.post(
                                "/api/v1/persons",
                                "abh",
                                ApiClient.json(validPerson()).replaceFirst("Musterfrau-", "Musterfrau-\u0000"))
                        .status())
                .isEqualTo(400);
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void malformed_json_is_a_400_problem() {
        long before = events();
        var response = api.post("/api/v1/persons", "abh", "{\"familyName\": ");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().path("detail").asText()).contains("JSON");
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void problems_never_echo_submitted_values() {
        var response = api.post("/api/v1/persons", "abh", ApiClient.json(with("dateOfBirth", "Geheimname-1988")));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body()).doesNotContain("Geheimname");
    }

    @Test
    void without_credentials_the_api_answers_401() {
        long before = events();
        var response = api.post("/api/v1/persons", null, ApiClient.json(validPerson()));
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.header("WWW-Authenticate"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("Basic"));
        assertThat(api.post("/api/v1/persons", "nobody", ApiClient.json(validPerson()))
                        .status())
                .isEqualTo(401);
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void roles_without_command_rights_get_403_whatever_they_send() {
        long before = events();
        assertThat(api.post("/api/v1/persons", "analyst", ApiClient.json(validPerson()))
                        .status())
                .isEqualTo(403);
        assertThat(api.post("/api/v1/persons", "auditor", "{}").status()).isEqualTo(403);
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void health_and_the_api_description_are_open() {
        assertThat(api.get("/actuator/health", null).status()).isEqualTo(200);
        JsonNode openApi = api.get("/v3/api-docs", null).json();
        assertThat(openApi.path("paths").has("/api/v1/persons")).isTrue();
        assertThat(api.get("/actuator/prometheus", null).status()).isEqualTo(401);
        assertThat(api.get("/actuator/info", "steward").status()).isEqualTo(403);
        assertThat(api.get("/actuator/info", "betrieb").status()).isEqualTo(200);
    }

    /**
     * Finding: the 64 KiB body cap held only with an Idempotency-Key, and a 470 MB array in confirmedDistinctFrom
     * (collections are parsed before @Size) exhausted the heap. Every body is bounded now, announced or not.
     */
    @Test
    void every_body_is_bounded_whether_or_not_its_length_is_announced() throws Exception {
        long before = events();
        var huge = with("confirmedDistinctFrom", java.util.Collections.nCopies(10_000, java.util.UUID.randomUUID()));
        byte[] body = ApiClient.json(huge).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(body.length).isGreaterThan(64 * 1024);
        var announced = api.post("/api/v1/persons", "abh", new String(body, java.nio.charset.StandardCharsets.UTF_8));
        assertThat(announced.status()).isEqualTo(413);
        assertThat(announced.json().path("rule").asText()).isEqualTo("request.too-large");

        var http = java.net.http.HttpClient.newHttpClient();
        var chunked = http.send(
                java.net.http.HttpRequest.newBuilder(
                                java.net.URI.create("http://127.0.0.1:" + port + "/api/v1/persons"))
                        .header(
                                "Authorization",
                                "Basic " + java.util.Base64.getEncoder().encodeToString("abh:demo".getBytes()))
                        .header("Content-Type", "application/json")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofInputStream(
                                () -> new java.io.ByteArrayInputStream(body)))
                        .build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(chunked.statusCode()).as(chunked.body()).isEqualTo(413);

        var deep = api.post("/api/v1/persons", "abh", "[".repeat(100) + "]".repeat(100));
        assertThat(deep.status()).isEqualTo(400);
        var longText = api.post("/api/v1/persons", "abh", ApiClient.json(with("familyName", "z".repeat(20_000))));
        assertThat(longText.status()).isEqualTo(400);
        assertThat(longText.body()).doesNotContain("zzzz");
        assertThat(events()).isEqualTo(before);
    }
}
