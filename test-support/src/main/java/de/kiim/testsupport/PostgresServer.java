package de.kiim.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * A PostgreSQL server reachable with administrative rights, and where it came from.
 *
 * @param host     host name or address
 * @param port     TCP port
 * @param user     a role that may create and drop databases
 * @param password that role's password, empty for trust authentication
 * @param source   how the server was found, for the test log
 */
public record PostgresServer(String host, int port, String user, String password, String source) {

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    public Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database) + "?connectTimeout=3", user, password);
    }

    /** Creates the database unless it exists; returns whether it was created. */
    public boolean ensureDatabase(String name) throws SQLException {
        requirePlainName(name);
        try (var connection = connect("postgres");
                var exists = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
            exists.setString(1, name);
            if (exists.executeQuery().next()) {
                return false;
            }
            connection.createStatement().execute("create database " + name);
            return true;
        }
    }

    /** Waits until nobody but us is connected to the database, or the timeout has passed. */
    public void awaitNoConnections(String name, java.time.Duration timeout) throws SQLException {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (var connection = connect("postgres");
                var sessions = connection.prepareStatement("select count(*) from pg_stat_activity where datname = ?")) {
            sessions.setString(1, name);
            while (System.nanoTime() < deadline) {
                var result = sessions.executeQuery();
                result.next();
                if (result.getInt(1) == 0) {
                    return;
                }
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    public void dropDatabase(String name) throws SQLException {
        requirePlainName(name);
        try (var connection = connect("postgres")) {
            connection.createStatement().execute("drop database if exists " + name + " with (force)");
        }
    }

    private static void requirePlainName(String name) {
        if (!name.matches("[a-z][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("database names are lower-case identifiers: " + name);
        }
    }
}
