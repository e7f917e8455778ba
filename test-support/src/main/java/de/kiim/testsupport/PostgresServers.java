package de.kiim.testsupport;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds the PostgreSQL server for tests, in the order of DESIGN §8:
 * <ol>
 *   <li>{@code KIIM_TEST_DB_URL} if set, e.g. {@code postgresql://user:secret@db.example:5432};</li>
 *   <li>the server on 127.0.0.1:5432 as user {@code postgres}, if it answers (CI's machines run one);</li>
 *   <li>a Testcontainers PostgreSQL, if a Docker engine answers;</li>
 *   <li>an embedded PostgreSQL ({@link LocalPostgres}) from the Maven artifact with real binaries.</li>
 * </ol>
 */
public final class PostgresServers {

    private PostgresServers() {}

    public static PostgresServer find() {
        return fromEnvironment()
                .or(PostgresServers::localServer)
                .or(PostgresServers::testcontainers)
                .orElseGet(PostgresServers::embedded);
    }

    static Optional<PostgresServer> fromEnvironment() {
        String url = System.getenv("KIIM_TEST_DB_URL");
        if (url == null || url.isBlank()) {
            return Optional.empty();
        }
        URI uri = URI.create(url.replaceFirst("^jdbc:", ""));
        String[] userInfo = uri.getUserInfo() == null
                ? new String[] {"postgres"}
                : uri.getUserInfo().split(":", 2);
        return Optional.of(new PostgresServer(
                uri.getHost(),
                uri.getPort() < 0 ? 5432 : uri.getPort(),
                userInfo[0],
                userInfo.length > 1 ? userInfo[1] : "",
                "KIIM_TEST_DB_URL"));
    }

    static Optional<PostgresServer> localServer() {
        if (!answers("127.0.0.1", 5432)) {
            return Optional.empty();
        }
        var server = new PostgresServer("127.0.0.1", 5432, "postgres", "", "PostgreSQL on 127.0.0.1:5432");
        try (var ignored = server.connect("postgres")) {
            return Optional.of(server);
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    static Optional<PostgresServer> testcontainers() {
        try {
            if (!org.testcontainers.DockerClientFactory.instance().isDockerAvailable()) {
                return Optional.empty();
            }
            var container = new org.testcontainers.containers.PostgreSQLContainer<>("postgres:15-alpine");
            container.start();
            Runtime.getRuntime().addShutdownHook(new Thread(container::stop));
            return Optional.of(new PostgresServer(
                    container.getHost(),
                    container.getFirstMappedPort(),
                    container.getUsername(),
                    container.getPassword(),
                    "Testcontainers"));
        } catch (RuntimeException | LinkageError e) {
            return Optional.empty();
        }
    }

    static PostgresServer embedded() {
        try {
            Path dataDirectory = Files.createTempDirectory("kiim-test-pg");
            return LocalPostgres.startInBackground(dataDirectory);
        } catch (IOException e) {
            throw new IllegalStateException("No PostgreSQL found and the embedded one did not start", e);
        }
    }

    static boolean answers(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
