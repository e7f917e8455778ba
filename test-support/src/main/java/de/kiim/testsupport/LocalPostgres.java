package de.kiim.testsupport;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * An embedded PostgreSQL 15 from the {@code io.zonky.test.postgres} binaries artifact: real PostgreSQL for a
 * machine that has nothing but a JDK and Maven.
 * <p>
 * PostgreSQL refuses to run as root. As root, the server therefore runs in its own process inside a user namespace
 * ({@code unshare --map-user=1}), where it is an ordinary user while its files still belong to root outside.
 * <p>
 * Command line, used by {@code ./kiim}:
 * <pre>
 *   LocalPostgres serve DATA_DIR PORT          run in the foreground until stopped; data survives restarts
 *   LocalPostgres ensure-database HOST PORT USER NAME   create database NAME unless it exists (password: PGPASSWORD)
 * </pre>
 */
public final class LocalPostgres {

    private LocalPostgres() {}

    public static void main(String[] args) throws Exception {
        if (args.length == 3 && args[0].equals("serve")) {
            serve(Path.of(args[1]), Integer.parseInt(args[2]));
        } else if (args.length == 5 && args[0].equals("ensure-database")) {
            String password = System.getenv().getOrDefault("PGPASSWORD", "");
            var server = new PostgresServer(args[1], Integer.parseInt(args[2]), args[3], password, "command line");
            boolean created = server.ensureDatabase(args[4]);
            System.out.println(created ? "created database " + args[4] : "database " + args[4] + " exists");
        } else {
            System.err.println("usage: LocalPostgres serve DATA_DIR PORT | ensure-database HOST PORT USER NAME");
            System.exit(2);
        }
    }

    private static void serve(Path dataDirectory, int port) throws IOException, InterruptedException {
        Files.createDirectories(dataDirectory);
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .setPort(port)
                .setPGStartupWait(Duration.ofSeconds(60))
                .start();
        System.out.println(
                "[kiim] embedded PostgreSQL ready on 127.0.0.1:" + postgres.getPort() + ", data in " + dataDirectory);
        new CountDownLatch(1).await();
    }

    /** Starts {@code serve} in a child process and waits until it accepts connections. */
    static PostgresServer startInBackground(Path dataDirectory) throws IOException {
        return Background.start(dataDirectory).server();
    }

    /**
     * An embedded PostgreSQL in a child process that can be stopped and started again on the same data and port, as
     * an operator restarts a database server for patches.
     */
    public static final class Background implements AutoCloseable {

        private final Path dataDirectory;
        private final int port;
        private Process process;

        private Background(Path dataDirectory, int port) {
            this.dataDirectory = dataDirectory;
            this.port = port;
        }

        /** Starts a server on a free port with its data in {@code dataDirectory}. */
        public static Background start(Path dataDirectory) throws IOException {
            var server = new Background(dataDirectory, freePort());
            server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(server::kill, "stop-embedded-postgres"));
            return server;
        }

        public PostgresServer server() {
            return new PostgresServer("127.0.0.1", port, "postgres", "", "embedded PostgreSQL (" + log() + ")");
        }

        /** Starts the server (again) and waits until it accepts sessions, not only TCP connections. */
        public synchronized void start() throws IOException {
            List<String> command = new ArrayList<>();
            if (isRoot()) {
                command.addAll(List.of("unshare", "--map-user=1", "--map-group=1"));
            }
            command.addAll(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp",
                    System.getProperty("java.class.path"),
                    LocalPostgres.class.getName(),
                    "serve",
                    dataDirectory.toString(),
                    Integer.toString(port)));
            process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log().toFile()))
                    .start();
            Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
            while (!acceptsSessions()) {
                if (!process.isAlive() || Instant.now().isAfter(deadline)) {
                    process.destroy();
                    throw new IOException("embedded PostgreSQL did not start; see " + log());
                }
                sleepBriefly();
            }
        }

        /** While it starts, the server accepts TCP connections but refuses sessions ("starting up", 57P03). */
        private boolean acceptsSessions() {
            if (!PostgresServers.answers("127.0.0.1", port)) {
                return false;
            }
            try (var ignored = server().connect("postgres")) {
                return true;
            } catch (java.sql.SQLException notYet) {
                return false;
            }
        }

        /**
         * Stops the server as an operator's restart does: a fast shutdown that ends every session, then waits until
         * the port is closed.
         */
        public synchronized void stop() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
            Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
            while (PostgresServers.answers("127.0.0.1", port) && Instant.now().isBefore(deadline)) {
                Thread.sleep(100);
            }
        }

        private synchronized void kill() {
            if (process != null) {
                process.destroy();
            }
        }

        @Override
        public void close() throws InterruptedException {
            if (process != null && process.isAlive()) {
                stop();
            }
        }

        private Path log() {
            return dataDirectory.resolveSibling(dataDirectory.getFileName() + ".log");
        }
    }

    static boolean isRoot() {
        try {
            return Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void sleepBriefly() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
