package de.kiim.platform.database;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;

/**
 * Runs every {@link SchemaMigration} of the application before anything reads or writes the database.
 * <p>
 * Several instances of both services may start at once against a fresh database (local start, scale-out). Flyway
 * locks each history table while it migrates, but creating a schema and its history table can still race, so the
 * whole run is serialised by one PostgreSQL advisory lock.
 * <p>
 * With application roles configured, each set's grant callbacks for those roles run after its migrations, every
 * time, so tables added later are granted too (docs/operations.md, "Database roles").
 */
public class SchemaMigrations implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(SchemaMigrations.class);
    /** Arbitrary, fixed key of the advisory lock ("kiim" in ASCII). */
    private static final long LOCK_KEY = 0x6b69696dL;

    private final DataSource dataSource;
    private final List<SchemaMigration> migrations;
    private final Map<ApplicationRole, String> roles;

    public SchemaMigrations(DataSource dataSource, List<SchemaMigration> migrations) {
        this(dataSource, migrations, Map.of());
    }

    /**
     * @param dataSource connects as the role that owns the schemas
     * @param roles      the application roles to grant to, by kind; the others get nothing
     */
    public SchemaMigrations(
            DataSource dataSource, List<SchemaMigration> migrations, Map<ApplicationRole, String> roles) {
        this.dataSource = dataSource;
        this.migrations = List.copyOf(migrations);
        this.roles = Map.copyOf(roles);
    }

    /** The Flyway placeholder that names {@code role} in grant callbacks, e.g. {@code ${command_role}}. */
    public static String placeholder(ApplicationRole role) {
        return role.name().toLowerCase(java.util.Locale.ROOT) + "_role";
    }

    @Override
    public void afterPropertiesSet() throws SQLException {
        if (migrations.isEmpty()) {
            log.info("Migrations are not run at start-up (kiim.migrations.enabled=false)");
            return;
        }
        try (Connection lockHolder = dataSource.getConnection();
                Statement statement = lockHolder.createStatement()) {
            statement.execute("select pg_advisory_lock(" + LOCK_KEY + ")");
            try {
                migrations.forEach(this::migrate);
            } finally {
                statement.execute("select pg_advisory_unlock(" + LOCK_KEY + ")");
            }
        }
    }

    private void migrate(SchemaMigration migration) {
        var locations = new ArrayList<>(List.of(migration.location()));
        var placeholders = new HashMap<String, String>();
        migration.grants().forEach((role, grants) -> {
            if (roles.containsKey(role)) {
                locations.add(grants);
                placeholders.put(placeholder(role), roles.get(role));
            }
        });
        var result = Flyway.configure()
                .dataSource(dataSource)
                .locations(locations.toArray(String[]::new))
                .placeholders(placeholders)
                .schemas(migration.schemas().toArray(String[]::new))
                .createSchemas(true)
                .load()
                .migrate();
        log.info(
                "Schema {} at version {} ({} migrations applied, granted to {})",
                migration.schemas(),
                result.targetSchemaVersion,
                result.migrationsExecuted,
                placeholders.values());
    }
}
