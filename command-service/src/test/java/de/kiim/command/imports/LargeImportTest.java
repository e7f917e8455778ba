package de.kiim.command.imports;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.kiim.testsupport.ApiClient;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * An import of a generated file of 100,000 lines (kiim.test.import-lines to change it), a few hundred of them bad:
 * exactly those are reported, everything else is registered, and progress shows while it runs. The file is
 * generated while it is sent, so neither side holds it whole.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=command-service,test")
@ActiveProfiles("local")
class LargeImportTest {

    static final int LINES = Integer.getInteger("kiim.test.import-lines", 100_000);
    /** Every 331st line is bad, in one of four ways. */
    static final int BAD_EVERY = 331;

    @LocalServerPort
    int port;

    @Test
    void a_large_file_reports_exactly_its_bad_lines() throws Exception {
        Set<Integer> badLines = new TreeSet<>();
        List<InputStream> parts = new ArrayList<>();
        parts.add(bytes("Familienname;Vornamen;Geburtsdatum;Geschlecht;Staatsangehörigkeit;Einreisedatum;"
                + "Gemeindeschlüssel\n"));
        Enumeration<InputStream> lines = new Enumeration<>() {
            int i = 0;

            @Override
            public boolean hasMoreElements() {
                return i < LINES;
            }

            @Override
            public InputStream nextElement() {
                i++;
                int lineNumber = i + 1;
                String line = "Massenimport-" + i + ";Testa;" + (1950 + i % 50) + "-0" + (1 + i % 9) + "-1" + i % 10
                        + ";W;SYR;2020-01-15;15085135\n";
                if (i % BAD_EVERY == 0) {
                    badLines.add(lineNumber);
                    line = switch (i / BAD_EVERY % 4) {
                        case 0 -> line.replace(";W;", ";Q;");
                        case 1 -> line.replace("2020-01-15", "15.13.2020");
                        case 2 -> line.replace("Massenimport-" + i, "");
                        default -> line.replace("15085135", "9999");
                    };
                }
                return bytes(line);
            }
        };
        parts.add(new SequenceInputStream(lines));

        ApiClient api = ApiClient.onPort(port);
        List<JsonNode> progress = new CopyOnWriteArrayList<>();
        ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor();
        poller.scheduleWithFixedDelay(
                () -> progress.add(api.get("/api/v1/imports", "abh").json().path(0)), 500, 500, TimeUnit.MILLISECONDS);
        JsonNode report;
        try {
            var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/imports"))
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("abh:demo".getBytes()))
                    .header("Content-Type", "text/csv")
                    .timeout(Duration.ofMinutes(20))
                    .POST(HttpRequest.BodyPublishers.ofInputStream(
                            () -> new SequenceInputStream(Collections.enumeration(parts))))
                    .build();
            var response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
            report = new ObjectMapper().readTree(response.body());
        } finally {
            poller.shutdownNow();
        }

        var counts = report.path("summary").path("counts");
        assertThat(counts.path("rows").asInt()).isEqualTo(LINES);
        assertThat(counts.path("invalid").asInt()).isEqualTo(badLines.size());
        assertThat(counts.path("created").asInt()).isEqualTo(LINES - badLines.size());
        List<Integer> reported = new ArrayList<>();
        report.path("needsAttention")
                .forEach(row -> reported.add(row.path("line").asInt()));
        assertThat(reported).containsExactlyElementsOf(badLines);
        assertThat(progress).anySatisfy(running -> {
            assertThat(running.path("state").asText()).isEqualTo("RUNNING");
            assertThat(running.path("counts").path("rows").asInt()).isBetween(1, LINES - 1);
        });
    }

    private static InputStream bytes(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
