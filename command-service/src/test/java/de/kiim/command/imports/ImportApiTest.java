package de.kiim.command.imports;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.kiim.testsupport.ApiClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/** Bulk imports over HTTP on real PostgreSQL: per-line results, counts, re-sending, and the file format. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.config.name=command-service,test",
            "kiim.web.max-upload-bytes=1MB",
            "kiim.imports.max-lines=100"
        })
@ActiveProfiles("local")
class ImportApiTest {

    static final String GERMAN_HEADER =
            "Familienname;Vornamen;Geburtsdatum;Geschlecht;Staatsangehörigkeit;Einreisedatum;AZR-Nummer;Gemeindeschlüssel";

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    final ObjectMapper json = new ObjectMapper();
    final HttpClient http = HttpClient.newHttpClient();
    ApiClient api;
    /** Names of this test's persons carry a number of their own, so tests never meet each other's persons. */
    int batch;

    @BeforeEach
    void setUp() {
        api = ApiClient.onPort(port);
        batch = ThreadLocalRandom.current().nextInt(1_000_000);
    }

    record Answer(int status, JsonNode body) {}

    Answer upload(String contentType, HttpRequest.BodyPublisher body) {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/imports"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("abh:demo".getBytes()))
                .header("Content-Type", contentType)
                .timeout(Duration.ofMinutes(15))
                .POST(body)
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body().isEmpty() ? null : json.readTree(response.body()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    Answer csv(String... lines) {
        return upload("text/csv; charset=utf-8", HttpRequest.BodyPublishers.ofString(String.join("\r\n", lines)));
    }

    long persons() {
        return jdbc.queryForObject(
                "select count(*) from event_store.domain_event_entry where payload_type like " + "'%PersonRegistered'",
                Long.class);
    }

    List<String> outcomes(JsonNode report) {
        List<String> outcomes = new ArrayList<>();
        report.path("needsAttention")
                .forEach(row -> outcomes.add(
                        row.path("line").asInt() + " " + row.path("outcome").asText() + " "
                                + row.path("problems").findValuesAsText("field")));
        return outcomes;
    }

    @Test
    void a_csv_as_offices_export_it_is_imported_line_by_line_and_bad_lines_are_named() {
        long before = persons();
        var answer = csv(
                GERMAN_HEADER,
                "Import-%d;Amal;01.04.1990;W;SYR;15.09.2023;;15085135".formatted(batch),
                "Import-%d;Farid;1985-12-24;männlich;AF;2022-01-10;;15085370".formatted(batch),
                "Import-%d;Olena;31.02.1990;W;UKR;2022-03-01;;15085235".formatted(batch),
                "Import-%d;Kwame;1992-06-06;M;XY;2021-05-05;;15085135".formatted(batch),
                ";Ohne Familienname;1992-06-06;M;GH;2021-05-05;;15085135",
                "Import-%d;Elif;1999-01-01;W;TUR;1998-01-01;;15085135".formatted(batch),
                "Import-%d;Zu;viele;Spalten;in;dieser;Zeile;hier;noch".formatted(batch),
                "IMPORT-%d;AMAL;01.04.1990;W;SYR;15.09.2023;;15085135".formatted(batch),
                "\"Import-%d; mit Semikolon\";Ionut;1970-07-07;D;RO;2019-09-09;;15085135".formatted(batch));

        assertThat(answer.status()).as(String.valueOf(answer.body())).isEqualTo(201);
        JsonNode summary = answer.body().path("summary");
        assertThat(summary.path("state").asText()).as(answer.body().toString()).isEqualTo("COMPLETED");
        assertThat(summary.path("counts").path("rows").asInt()).isEqualTo(9);
        assertThat(summary.path("counts").path("created").asInt()).isEqualTo(3);
        assertThat(summary.path("counts").path("duplicate").asInt()).isEqualTo(1);
        assertThat(summary.path("counts").path("invalid").asInt()).isEqualTo(5);
        assertThat(outcomes(answer.body()))
                .containsExactly(
                        "4 INVALID [dateOfBirth]",
                        "5 INVALID [nationality]",
                        "6 INVALID [familyName]",
                        "7 INVALID [entryDate]",
                        "8 INVALID [line]",
                        "9 DUPLICATE []");
        assertThat(persons()).isEqualTo(before + 3);
        assertThat(answer.body().toString()).doesNotContain("Amal", "Import-" + batch, "XY");

        var created = api.get("/api/v1/imports/" + summary.path("importId").asText() + "/rows?outcome=CREATED", "abh")
                .json();
        assertThat(created.findValuesAsText("line")).containsExactly("2", "3", "10");
        String firstPerson = created.get(0).path("personId").asText();
        assertThat(answer.body()
                        .path("needsAttention")
                        .get(5)
                        .path("candidates")
                        .get(0)
                        .asText())
                .isEqualTo(firstPerson);
    }

    @Test
    void erasing_a_person_removes_the_import_lines_that_name_them() {
        var answer = csv(
                GERMAN_HEADER,
                "Vergessen-%d;Amal;01.04.1990;W;SYR;15.09.2023;;15085135".formatted(batch),
                "Bleibt-%d;Farid;1985-12-24;M;AF;2022-01-10;;15085370".formatted(batch),
                "VERGESSEN-%d;AMAL;01.04.1990;W;SYR;15.09.2023;;15085135".formatted(batch));
        String importId = answer.body().path("summary").path("importId").asText();
        var rows = api.get("/api/v1/imports/" + importId + "/rows", "abh").json();
        assertThat(rows.findValuesAsText("outcome")).containsExactly("CREATED", "CREATED", "DUPLICATE");
        String erased = rows.get(0).path("personId").asText();
        String kept = rows.get(1).path("personId").asText();

        assertThat(api.post(
                                "/api/v1/persons/" + erased + "/erasure",
                                "steward",
                                ApiClient.json(java.util.Map.of("reason", "DATA_SUBJECT_REQUEST")))
                        .status())
                .isEqualTo(200);

        // The line that created them and the line found a duplicate of them are gone; the other person's stays.
        var after = api.get("/api/v1/imports/" + importId + "/rows", "abh").json();
        assertThat(after.findValuesAsText("line")).containsExactly("3");
        assertThat(after.get(0).path("personId").asText()).isEqualTo(kept);
        assertThat(api.get("/api/v1/imports/" + importId, "abh").json().path("needsAttention"))
                .isEmpty();
        assertThat(jdbc.queryForObject(
                        "select count(*) from command.import_row where person_id = ?::uuid "
                                + "or candidates @> array[?::uuid]",
                        Long.class,
                        erased,
                        erased))
                .isZero();
    }

    @Test
    void sending_the_same_file_again_creates_nobody_twice() {
        String[] file = {
            "familyName;givenNames;dateOfBirth;sex;nationality;entryDate;azrNumber;municipality",
            "Wiederholung-%d;Samira;1991-01-01;FEMALE;IRN;2020-02-02;%012d;15085135".formatted(batch, batch),
            "Wiederholung-%d;Yusuf;1993-03-03;MALE;IRQ;2020-02-02;;15085135".formatted(batch)
        };
        assertThat(csv(file)
                        .body()
                        .path("summary")
                        .path("counts")
                        .path("created")
                        .asInt())
                .isEqualTo(2);
        long before = persons();

        var again = csv(file).body().path("summary").path("counts");

        assertThat(again.path("created").asInt()).isZero();
        assertThat(again.path("duplicate").asInt()).isEqualTo(2);
        assertThat(persons()).isEqualTo(before);
    }

    @Test
    void ndjson_lines_are_checked_like_api_registrations() {
        var answer = upload(
                "application/x-ndjson",
                HttpRequest.BodyPublishers.ofString(String.join(
                        "\n",
                        "{\"familyName\":\"Json-%d\",\"dateOfBirth\":\"1980-08-08\",\"sex\":\"MALE\",\"nationality\":\"SY\",\"entryDate\":\"2016-06-06\",\"municipality\":\"15085135\"}"
                                .formatted(batch),
                        "",
                        "{\"familyName\":\"Json-%d\",\"dateOfBirth\":\"08.08.1980\",\"sex\":\"MALE\",\"nationality\":\"SY\",\"entryDate\":\"2016-06-06\",\"municipality\":\"15085135\"}"
                                .formatted(batch),
                        "not json",
                        "[1,2]")));
        assertThat(answer.status()).isEqualTo(201);
        assertThat(outcomes(answer.body()))
                .containsExactly("3 INVALID [dateOfBirth]", "4 INVALID [line]", "5 INVALID [line]");
        assertThat(answer.body().path("summary").path("counts").path("created").asInt())
                .isEqualTo(1);
    }

    /** A control character makes its line invalid, naming the column; the other lines are imported. */
    @Test
    void a_line_with_a_control_character_is_invalid_naming_the_column() {
        long before = persons();
        String valid = "Steuer-%d;Amal;01.04.1990;W;SYR;15.09.2023;;15085135".formatted(batch);
        // Inside the value: the CSV reader trims control characters at either end of a value, as it trims spaces.
        var csv = csv(
                GERMAN_HEADER,
                valid.replace(";Amal", "\u0000zeichen;Amal"),
                valid.replace("Amal", "Am\u0007al"),
                "\"" + valid.replace(";Amal", "\nzeichen\";Amal"),
                valid.replace("Amal", "Farid"));
        var ndjson = upload(
                "application/x-ndjson",
                HttpRequest.BodyPublishers.ofString(String.join(
                        "\n",
                        "{\"familyName\":\"Steuer-%d\\u0000\",\"dateOfBirth\":\"1980-08-08\",\"sex\":\"MALE\",\"nationality\":\"SY\",\"entryDate\":\"2016-06-06\",\"municipality\":\"15085135\"}"
                                .formatted(batch),
                        "{\"familyName\":\"Steuer-%d\",\"dateOfBirth\":\"1980-08-08\",\"sex\":\"MALE\",\"nationality\":\"SY\",\"entryDate\":\"2016-06-06\",\"municipality\":\"15085135\\u001b\"}"
                                .formatted(batch))));

        assertThat(csv.status()).as(String.valueOf(csv.body())).isEqualTo(201);
        assertThat(outcomes(csv.body()))
                .containsExactly("2 INVALID [familyName]", "3 INVALID [givenNames]", "4 INVALID [familyName]");
        assertThat(csv.body().path("needsAttention").findValuesAsText("reason"))
                .containsOnly("must not contain control characters");
        assertThat(ndjson.status()).isEqualTo(201);
        assertThat(outcomes(ndjson.body())).containsExactly("1 INVALID [familyName]", "2 INVALID [municipality]");
        assertThat(persons()).isEqualTo(before + 1);
        assertThat(csv.body().toString() + ndjson.body()).doesNotContain("Steuer-" + batch);
    }

    @Test
    void a_file_with_a_bad_header_is_refused_whole_and_other_formats_are_415() {
        long before = persons();
        var unknownColumn = csv("Familienname;Lieblingsfarbe;Geburtsdatum", "Kopf-1;blau;1990-01-01");
        assertThat(unknownColumn.status()).isEqualTo(400);
        assertThat(unknownColumn.body().path("errors").findValuesAsText("reason"))
                .contains("unknown column 2; see docs/imports.md for the column names", "column entryDate is missing");
        assertThat(upload("application/json", HttpRequest.BodyPublishers.ofString("{}"))
                        .status())
                .isEqualTo(415);
        assertThat(persons()).isEqualTo(before);
    }

    @Test
    void imports_belong_to_the_importing_agency() {
        var answer = csv(GERMAN_HEADER, "Agentur-%d;Leyla;1994-04-04;W;TUR;2020-01-01;;15085135".formatted(batch));
        String id = answer.body().path("summary").path("importId").asText();
        assertThat(api.get("/api/v1/imports/" + id, "abh").status()).isEqualTo(200);
        assertThat(api.get("/api/v1/imports/" + id, "jobcenter").status()).isEqualTo(404);
        assertThat(api.get("/api/v1/imports", "abh").json().findValuesAsText("importId"))
                .contains(id);
        assertThat(api.get("/api/v1/imports", "analyst").status()).isEqualTo(403);
    }

    /**
     * Findings: a 19-million-character CSV line, a 1.2 GB NDJSON line and 2 million unknown columns exhausted the
     * heap or answered with a 189 MB error body. Now every line, value, column count and file is bounded.
     */
    @Test
    void overlong_lines_and_values_are_invalid_lines_and_the_import_completes() {
        long before = persons();
        String valid = "Grenze-%d;Amal;01.04.1990;W;SYR;15.09.2023;;15085135".formatted(batch);
        String longValue = "x".repeat(CsvSource.MAX_VALUE_CHARS + 10);
        var csv = csv(GERMAN_HEADER, valid.replace(";Amal", longValue + ";Amal"), valid);
        assertThat(csv.status()).as(String.valueOf(csv.body())).isEqualTo(201);
        assertThat(csv.body().path("summary").path("state").asText()).isEqualTo("COMPLETED");
        assertThat(outcomes(csv.body())).hasSize(1).allMatch(outcome -> outcome.startsWith("2 INVALID"));
        assertThat(csv.body().toString()).doesNotContain("xxxxxxxx");

        var ndjson = upload(
                "application/x-ndjson",
                HttpRequest.BodyPublishers.ofString(String.join(
                        "\n",
                        "{\"familyName\":\"" + "y".repeat(NdjsonSource.MAX_LINE_CHARS) + "\"}",
                        "{\"familyName\":\"Grenze-%d\",\"dateOfBirth\":\"1980-08-08\",\"sex\":\"MALE\",\"nationality\":\"SY\",\"entryDate\":\"2016-06-06\",\"municipality\":\"15085135\"}"
                                .formatted(batch))));
        assertThat(ndjson.status()).isEqualTo(201);
        assertThat(outcomes(ndjson.body())).containsExactly("1 INVALID [line]");
        assertThat(persons()).isEqualTo(before + 2);
    }

    @Test
    void a_header_with_thousands_of_columns_is_one_short_problem() {
        var wide = csv(GERMAN_HEADER + ";Unbekannt".repeat(2000), "a;b");
        assertThat(wide.status()).isEqualTo(400);
        assertThat(wide.body().path("errors")).hasSize(1);
        assertThat(wide.body().toString().length()).isLessThan(1000);
    }

    @Test
    void a_file_past_the_upload_limit_is_413_and_its_job_failed_with_the_reason() {
        // Blank lines, which count as no line, past the test's 1 MB limit; streamed without a Content-Length, so
        // the limit is found while reading.
        byte[] tooLarge = ("{\"familyName\":\"Gross\"}" + "\n".repeat(1_100_000)).getBytes(StandardCharsets.UTF_8);
        var answer = upload(
                "application/x-ndjson",
                HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(tooLarge)));
        assertThat(answer.status()).isEqualTo(413);
        assertThat(answer.body().path("rule").asText()).isEqualTo("request.too-large");
        var last = api.get("/api/v1/imports", "abh").json().get(0);
        assertThat(last.path("state").asText()).isEqualTo("FAILED");
        assertThat(last.path("failure").asText()).contains("larger than");
    }

    @Test
    void an_import_stops_after_its_most_lines_and_says_so() {
        String line = "Viele-%d;Amal;01.04.1990;W;SYR;15.09.2023;;15085135".formatted(batch);
        List<String> lines = new ArrayList<>(List.of(GERMAN_HEADER));
        for (int i = 0; i < 101; i++) {
            lines.add(line.replace("Amal", "Amal" + (char) ('a' + i % 26) + (char) ('a' + i / 26)));
        }
        var answer = csv(lines.toArray(String[]::new));
        assertThat(answer.status()).as(String.valueOf(answer.body())).isEqualTo(201);
        assertThat(answer.body().path("summary").path("state").asText()).isEqualTo("FAILED");
        assertThat(answer.body().path("summary").path("failure").asText()).contains("more than 100 lines");
        assertThat(answer.body().path("summary").path("counts").path("rows").asInt())
                .isEqualTo(100);
    }
}
