package de.kiim.platform.database;

import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Runs every {@link SchemaMigration} of the application before anything reads or writes the database.
 * <p>
 * Several instances of both services may start at once against a fresh database (local start, scale-out). Flyway
 * locks each history table while it migrates, but creating a schema and its history table can still race, so the
 * whole run is serialised by one PostgreSQL advisory lock.
 */
public class SchemaMigrations implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(SchemaMigrations.class);
    /** Arbitrary, fixed key of the advisory lock ("kiim" in ASCII). */
    private static final long LOCK_KEY = 0x6b69696dL;

    private final DataSource dataSource;
    private final List<SchemaMigration> migrations;

    public SchemaMigrations(DataSource dataSource, List<SchemaMigration> migrations) {
        this.dataSource = dataSource;
        this.migrations = List.copyOf(migrations);
    }

    @Override
    public void afterPropertiesSet() throws SQLException {
        try (Connection lockHolder = dataSource.getConnection(); Statement statement = lockHolder.createStatement()) {
            statement.execute("select pg_advisory_lock(" + LOCK_KEY + ")");
            try {
                migrations.forEach(this::migrate);
            } finally {
                statement.execute("select pg_advisory_unlock(" + LOCK_KEY + ")");
            }
        }
    }

    private void migrate(SchemaMigration migration) {
        var result = Flyway.configure()
                .dataSource(dataSource)
                .locations(migration.location())
                .schemas(migration.schemas().toArray(String[]::new))
                .createSchemas(true)
                .load()
                .migrate();
        log.info("Schema {} at version {} ({} migrations applied)",
                migration.schemas(), result.targetSchemaVersion, result.migrationsExecuted);
    }
}
