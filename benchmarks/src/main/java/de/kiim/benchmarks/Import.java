package de.kiim.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariDataSource;
import java.io.BufferedReader;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code import}: rows per second of a bulk import ({@code POST /api/v1/imports}, CSV, every row a registration with
 * its duplicate check, encryption and key), against the baseline of a raw JDBC batch insert of the same rows, as
 * text columns, into a table of the same PostgreSQL, in transactions of the same size. The command service's heap
 * is sampled throughout.
 */
final class Import implements Scenario {

    static final int ROWS = Integer.getInteger("kiim.bench.import-rows", 30_000);
    static final int CHUNK = 200;
    private static final String HEADER =
            "Familienname;Vornamen;Geburtsdatum;Geschlecht;Staatsangehörigkeit;Einreisedatum;AZR-Nummer;Gemeindeschlüssel";

    @Override
    public String name() {
        return "import";
    }

    @Override
    public Map<String, Object> run(BenchDatabase database) throws Exception {
        Path file = Files.createTempFile("kiim-bench-import", ".csv");
        try {
            writeCsv(file);
            Map<String, Object> results = new LinkedHashMap<>();
            results.put("rows", ROWS);
            double raw = rawBatchInsert(database, file);
            results.put("raw_batch_insert_rows_per_s", Load.round(raw));
            try (BenchSystem system = new BenchSystem(database);
                    HeapSampler heap = new HeapSampler(system.commands())) {
                long start = System.nanoTime();
                JsonNode report = upload(system, file);
                double seconds = (System.nanoTime() - start) / 1e9;
                int created =
                        report.path("summary").path("counts").path("created").asInt();
                if (created != ROWS) {
                    throw new IllegalStateException("import created " + created + " of " + ROWS + ": " + report);
                }
                double kiim = ROWS / seconds;
                results.put("kiim_import_rows_per_s", Load.round(kiim));
                results.put("ratio_import_to_raw", Math.round(kiim / raw * 1000) / 1000.0);
                results.put("heap_max_mib_command_service", heap.maxMiB());
            }
            return results;
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** Synthetic persons: numbered names, spread birth dates, AZR numbers of their own. */
    private static void writeCsv(Path file) throws IOException {
        try (var out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(HEADER + "\n");
            for (int i = 1; i <= ROWS; i++) {
                out.write("Importlauf-" + i + ";Testa Synthetika;"
                        + String.format("%02d.%02d.%d", 1 + i % 28, 1 + i % 12, 1950 + i % 50) + ";"
                        + (i % 2 == 0 ? "W" : "M") + ";" + (i % 3 == 0 ? "SYR" : "UKR")
                        + ";15.01.2020;" + String.format("%012d", 500_000_000_000L + i) + ";15085135\n");
            }
        }
    }

    private static double rawBatchInsert(BenchDatabase database, Path file) throws Exception {
        try (HikariDataSource dataSource = database.dataSource(1);
                Connection connection = dataSource.getConnection()) {
            // A schema of its own: the services' Flyway refuses to start on a non-empty public schema.
            connection.createStatement().execute("create schema if not exists bench");
            connection.createStatement().execute("""
                    create table if not exists bench.raw_import (family_name text, given_names text,
                        date_of_birth text, sex text, nationality text, entry_date text, azr_number text,
                        municipality text)""");
            connection.setAutoCommit(false);
            long start = System.nanoTime();
            try (BufferedReader lines = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                    PreparedStatement insert = connection.prepareStatement(
                            "insert into bench.raw_import values (?, ?, ?, ?, ?, ?, ?, ?)")) {
                lines.readLine();
                int inBatch = 0;
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    String[] columns = line.split(";", -1);
                    for (int c = 0; c < 8; c++) {
                        insert.setString(c + 1, columns[c]);
                    }
                    insert.addBatch();
                    if (++inBatch == CHUNK) {
                        insert.executeBatch();
                        connection.commit();
                        inBatch = 0;
                    }
                }
                insert.executeBatch();
                connection.commit();
            }
            return ROWS / ((System.nanoTime() - start) / 1e9);
        }
    }

    private static JsonNode upload(BenchSystem system, Path file) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + system.command.port + "/api/v1/imports"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("abh:demo".getBytes()))
                .header("Content-Type", "text/csv")
                .timeout(Duration.ofMinutes(30))
                .POST(HttpRequest.BodyPublishers.ofFile(file))
                .build();
        var response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IllegalStateException("import answered HTTP " + response.statusCode() + ": " + response.body());
        }
        return new ObjectMapper().readTree(response.body());
    }
}
