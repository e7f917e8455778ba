package de.kiim.benchmarks;

import de.kiim.testsupport.ApiClient;
import de.kiim.testsupport.ServiceProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;

/** Both services as processes (512 MB heap each, as a small server would give them) on a scenario's database. */
final class BenchSystem implements AutoCloseable {

    private final BenchDatabase database;
    private final Path kek;
    ServiceProcess command;
    ServiceProcess query;

    BenchSystem(BenchDatabase database) throws IOException {
        this.database = database;
        this.kek = Files.createTempFile("kiim-bench", ".kek");
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        Files.writeString(kek, Base64.getEncoder().encodeToString(key));
        command = start("command-service");
        query = start("query-service");
    }

    ServiceProcess start(String service) throws IOException {
        return ServiceProcess.start(
                Path.of("."),
                service,
                "bench-" + service,
                database.jdbcUrl(),
                database.user(),
                database.password(),
                kek,
                Path.of("benchmarks", "target", "bench-logs"),
                "--logging.level.org.axonframework=WARN",
                "--kiim.processing.heartbeat=PT1S");
    }

    ApiClient commands() {
        return command.api;
    }

    ApiClient queries() {
        return query.api;
    }

    String kekBase64() throws IOException {
        return Files.readString(kek).trim();
    }

    @Override
    public void close() throws Exception {
        if (query != null) {
            query.close();
        }
        if (command != null) {
            command.close();
        }
        Files.deleteIfExists(kek);
    }
}
