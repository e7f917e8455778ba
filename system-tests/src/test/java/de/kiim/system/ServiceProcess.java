package de.kiim.system;

import de.kiim.testsupport.ApiClient;
import de.kiim.testsupport.TestDatabase;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.awaitility.Awaitility.await;

/** A service started as a real process from its runnable jar, on a free loopback port, as in production. */
final class ServiceProcess implements AutoCloseable {

    private final String name;
    private final Process process;
    final int port;
    final ApiClient api;

    private ServiceProcess(String name, Process process, int port) {
        this.name = name;
        this.process = process;
        this.port = port;
        this.api = ApiClient.onPort(port);
    }

    /** Starts {@code service} (e.g. {@code query-service}) with the local profile on {@code database}. */
    static ServiceProcess start(String service, String instance, TestDatabase database, Path kekFile,
                                String... more) throws IOException {
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-jar", jar(service).toString(),
                "--spring.profiles.active=local",
                "--server.port=" + port,
                "--spring.datasource.url=" + database.jdbcUrl(),
                "--spring.datasource.username=" + database.username(),
                "--spring.datasource.password=" + database.password(),
                "--kiim.crypto.kek-file=" + kekFile,
                "--logging.structured.format.console="));
        command.addAll(List.of(more));
        Path log = Path.of("target", "processes", instance + ".log");
        Files.createDirectories(log.getParent());
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        var started = new ServiceProcess(instance, process, port);
        started.awaitHealthy(log);
        return started;
    }

    private void awaitHealthy(Path log) {
        try {
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250)).until(() -> {
                if (!process.isAlive()) {
                    throw new IllegalStateException(name + " stopped during start-up; see " + log);
                }
                try {
                    return api.get("/actuator/health", null).status() == 200;
                } catch (RuntimeException notListeningYet) {
                    return false;
                }
            });
        } catch (RuntimeException | Error e) {
            process.destroyForcibly();
            throw e;
        }
    }

    /** Stops the process gracefully (SIGTERM), as an orchestrator would, and waits for it to exit. */
    void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            stop();
        }
    }

    static Path jar(String service) throws IOException {
        try (var files = Files.list(Path.of("..", service, "target"))) {
            return files.filter(file -> file.getFileName().toString().endsWith("-exec.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("build " + service + " first (mvn package)"));
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
