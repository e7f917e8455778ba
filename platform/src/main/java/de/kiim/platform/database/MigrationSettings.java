package de.kiim.platform.database;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Who runs the migrations, and which application roles they grant to (docs/operations.md, "Database roles").
 * Unset, everything is as before: the application's own datasource migrates, and nothing is granted.
 *
 * @param url         JDBC URL for migrating; the application datasource's by default
 * @param username    the role that owns every schema and runs all DDL; unset, the application datasource migrates
 * @param password    that role's password
 * @param commandRole the command service's role, granted its privileges after every migration when set
 * @param queryRole   the query service's role, likewise
 * @param enabled     whether a service migrates at start-up (default); off, it never needs the migrator's password,
 *                    and the migrations are run before by {@link MigrateOnly}
 */
@ConfigurationProperties("kiim.migrations")
public record MigrationSettings(
        String url,
        String username,
        String password,
        String commandRole,
        String queryRole,
        @DefaultValue("true") boolean enabled) {

    /** What PostgreSQL accepts unquoted: the names end up in SQL, so nothing else is taken. */
    private static final String PLAIN_ROLE_NAME = "[a-z_][a-z0-9_]{0,62}";

    public MigrationSettings {
        for (String role : new String[] {commandRole, queryRole}) {
            if (isSet(role) && !role.matches(PLAIN_ROLE_NAME)) {
                throw new IllegalArgumentException("kiim.migrations.*-role must be a lower-case role name: " + role);
            }
            if (isSet(role) && role.equals(username)) {
                // The grants start by revoking everything from the role: the owner would lose its own rights.
                throw new IllegalArgumentException("kiim.migrations.*-role names an application role, not the "
                        + "migration role " + username + "; with one role for all, leave them unset");
            }
        }
    }

    /** The shared migrations and {@code service}'s, to run as configured here. */
    public SchemaMigrations migrations(
            DataSource application, DataSourceProperties applicationProperties, List<SchemaMigration> service) {
        var all = new ArrayList<SchemaMigration>();
        all.add(DatabaseConfiguration.SHARED);
        all.addAll(service);
        return new SchemaMigrations(dataSource(application, applicationProperties), all, roles());
    }

    /** The datasource to migrate with: the application's, unless a migration role is configured. */
    public DataSource dataSource(DataSource application, DataSourceProperties applicationProperties) {
        if (!isSet(username)) {
            return application;
        }
        var migrations = new DriverManagerDataSource(isSet(url) ? url : applicationProperties.determineUrl());
        var properties = new Properties();
        // As for the application: no statement parameters or server error detail in exception messages.
        properties.setProperty("logServerErrorDetail", "false");
        migrations.setConnectionProperties(properties);
        migrations.setUsername(username);
        migrations.setPassword(password == null ? "" : password);
        return migrations;
    }

    /** The application roles to grant to, by kind; empty when the deployment runs with one role. */
    public Map<ApplicationRole, String> roles() {
        var roles = new EnumMap<ApplicationRole, String>(ApplicationRole.class);
        if (isSet(commandRole)) {
            roles.put(ApplicationRole.COMMAND, commandRole);
        }
        if (isSet(queryRole)) {
            roles.put(ApplicationRole.QUERY, queryRole);
        }
        return roles;
    }

    private static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }
}
