package de.kiim.testsupport;

import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The fresh database of this test run (one per JVM, so one per module's test run), created on first use on the
 * server {@link PostgresServers#find()} finds, and dropped when the JVM exits.
 */
public final class TestDatabase {

    private static volatile TestDatabase instance;

    private final PostgresServer server;
    private final String name;

    private TestDatabase(PostgresServer server, String name) {
        this.server = server;
        this.name = name;
    }

    public static TestDatabase instance() {
        if (instance == null) {
            synchronized (TestDatabase.class) {
                if (instance == null) {
                    instance = create();
                }
            }
        }
        return instance;
    }

    /** One more fresh database on the same server, for a test that must not share state; dropped at exit. */
    public static TestDatabase another() {
        return create(instance().server());
    }

    private static TestDatabase create() {
        return create(PostgresServers.find());
    }

    private static TestDatabase create(PostgresServer server) {
        String name = "kiim_test_" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss")) + "_"
                + Integer.toString(ThreadLocalRandom.current().nextInt(1 << 20, 1 << 24), 36);
        try {
            server.ensureDatabase(name);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create test database on " + server.source(), e);
        }
        System.out.println("[kiim] test database " + name + " on " + server.source());
        // Shutdown hooks run side by side: Spring closes its contexts in its own hook, and they still need the
        // database to shut down cleanly. So wait until their connections are gone, then drop.
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            try {
                                server.awaitNoConnections(name, Duration.ofSeconds(30));
                                server.dropDatabase(name);
                            } catch (SQLException e) {
                                System.err.println(
                                        "[kiim] could not drop test database " + name + ": " + e.getMessage());
                            }
                        },
                        "drop-test-database"));
        return new TestDatabase(server, name);
    }

    public PostgresServer server() {
        return server;
    }

    public String name() {
        return name;
    }

    /** JDBC URL of the test database, with the settings the services use in production. */
    public String jdbcUrl() {
        return server.jdbcUrl(name) + "?reWriteBatchedInserts=true";
    }

    public String username() {
        return server.user();
    }

    public String password() {
        return server.password();
    }
}
