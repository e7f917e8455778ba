package de.kiim.testsupport;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A service started as a real process from its runnable jar, on a free loopback port, with the local profile, as
 * it runs in production: for scale-out tests and benchmarks.
 */
public final class ServiceProcess implements AutoCloseable {

    private final String name;
    private final Process process;
    public final int port;
    public final ApiClient api;

    private ServiceProcess(String name, Process process, int port) {
        this.name = name;
        this.process = process;
        this.port = port;
        this.api = ApiClient.onPort(port);
    }

    /**
     * Starts {@code service} (e.g. {@code query-service}) from {@code <root>/<service>/target/*-exec.jar} on the
     * given database; its output goes to {@code logDirectory/<instance>.log}.
     */
    public static ServiceProcess start(
            Path root,
            String service,
            String instance,
            String jdbcUrl,
            String user,
            String password,
            Path kekFile,
            Path logDirectory,
            String... more)
            throws IOException {
        return launch(
                root,
                service,
                instance,
                freePort(),
                logDirectory,
                List.of(
                        "--spring.datasource.url=" + jdbcUrl,
                        "--spring.datasource.username=" + user,
                        "--spring.datasource.password=" + password,
                        "--kiim.crypto.kek-file=" + kekFile),
                more);
    }

    /**
     * Starts {@code service} that keeps no data (the web UI) on {@code port}, which its peers must know before it
     * starts (the identity provider registers its redirect address), from {@code ../<service>/target}.
     */
    public static ServiceProcess startOnPort(String service, String instance, int port, String... more)
            throws IOException {
        return launch(Path.of(".."), service, instance, port, Path.of("target", "processes"), List.of(), more);
    }

    private static ServiceProcess launch(
            Path root,
            String service,
            String instance,
            int port,
            Path logDirectory,
            List<String> storage,
            String... more)
            throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                "-XX:+ExitOnOutOfMemoryError"));
        // For profiling a benchmark, e.g. -Dkiim.service.jvm-options=-XX:StartFlightRecording=filename=x.jfr
        String jvmOptions = System.getProperty("kiim.service.jvm-options", "").strip();
        if (!jvmOptions.isEmpty()) {
            command.addAll(List.of(jvmOptions.replace("{instance}", instance).split("\\s+")));
        }
        command.addAll(List.of(
                "-jar",
                jar(root, service).toString(),
                "--spring.profiles.active=local",
                "--server.port=" + port,
                "--logging.structured.format.console="));
        command.addAll(storage);
        command.addAll(List.of(more));
        Path log = logDirectory.resolve(instance + ".log");
        Files.createDirectories(logDirectory);
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        var started = new ServiceProcess(instance, process, port);
        started.awaitHealthy(log, Duration.ofSeconds(120));
        return started;
    }

    /** The same, for a test database. */
    public static ServiceProcess start(
            String service, String instance, TestDatabase database, Path kekFile, String... more) throws IOException {
        return start(
                Path.of(".."),
                service,
                instance,
                database.jdbcUrl(),
                database.username(),
                database.password(),
                kekFile,
                Path.of("target", "processes"),
                more);
    }

    private void awaitHealthy(Path log, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " stopped during start-up; see " + log);
            }
            try {
                if (api.get("/actuator/health", null).status() == 200) {
                    return;
                }
            } catch (RuntimeException notListeningYet) {
                // keep waiting
            }
            pause(250);
        }
        process.destroyForcibly();
        throw new IllegalStateException(name + " did not become healthy within " + timeout + "; see " + log);
    }

    /** The operating system's id of the process, e.g. for reading its CPU time in a benchmark. */
    public long pid() {
        return process.pid();
    }

    /** Stops the process gracefully (SIGTERM), as an orchestrator would, and waits for it to exit. */
    public void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            stop();
        }
    }

    private static Path jar(Path root, String service) throws IOException {
        try (var files = Files.list(root.resolve(service).resolve("target"))) {
            return files.filter(file -> file.getFileName().toString().endsWith("-exec.jar"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("build " + service + " first (mvn package)"));
        }
    }

    /** A loopback port free at the moment, for a process whose port others must know before it starts. */
    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
