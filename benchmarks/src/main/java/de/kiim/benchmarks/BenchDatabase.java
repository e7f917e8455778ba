package de.kiim.benchmarks;

import com.zaxxer.hikari.HikariDataSource;
import de.kiim.testsupport.PostgresServer;
import de.kiim.testsupport.PostgresServers;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A fresh database for one scenario on the PostgreSQL that tests would use; dropped when the scenario ends. */
final class BenchDatabase implements AutoCloseable {

    private final PostgresServer server;
    private final String name;
    private final List<HikariDataSource> dataSources = new ArrayList<>();

    BenchDatabase(String scenario) throws SQLException {
        this.server = PostgresServers.find();
        this.name = "kiim_bench_" + scenario.replaceAll("[^a-z0-9]", "_") + "_" + System.currentTimeMillis();
        server.ensureDatabase(name);
    }

    String jdbcUrl() {
        return server.jdbcUrl(name) + "?reWriteBatchedInserts=true";
    }

    String user() {
        return server.user();
    }

    String password() {
        return server.password();
    }

    HikariDataSource dataSource(int poolSize) {
        var dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(jdbcUrl());
        dataSource.setUsername(server.user());
        dataSource.setPassword(server.password());
        dataSource.setMaximumPoolSize(poolSize);
        dataSource.addDataSourceProperty("logServerErrorDetail", "false");
        dataSources.add(dataSource);
        return dataSource;
    }

    /** The server's version and the settings that move write and read throughput most. */
    Map<String, String> settings() throws SQLException {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("source", server.source());
        try (var connection = server.connect(name);
                var statement = connection.createStatement()) {
            var version = statement.executeQuery("select version()");
            version.next();
            settings.put("version", version.getString(1));
            var rows = statement.executeQuery("""
                    select name, setting, unit from pg_settings where name in ('shared_buffers', 'work_mem',
                     'synchronous_commit', 'fsync', 'wal_level', 'max_connections', 'effective_cache_size')
                     order by name""");
            while (rows.next()) {
                settings.put(
                        rows.getString(1),
                        rows.getString(2) + (rows.getString(3) == null ? "" : " " + rows.getString(3)));
            }
        }
        return settings;
    }

    @Override
    public void close() throws SQLException {
        dataSources.forEach(HikariDataSource::close);
        server.dropDatabase(name);
    }
}
