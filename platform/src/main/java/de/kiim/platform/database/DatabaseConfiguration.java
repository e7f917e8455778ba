package de.kiim.platform.database;

import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/** Migrates the shared schemas (event store, agency directory) and every service's own {@link SchemaMigration}s. */
@AutoConfiguration(after = DataSourceAutoConfiguration.class)
@EnableConfigurationProperties(MigrationSettings.class)
public class DatabaseConfiguration {

    /** The schemas both services share. */
    public static final SchemaMigration SHARED = SchemaMigration.of(
                    "classpath:db/platform", "event_store", "directory", "key_store")
            .granting(ApplicationRole.COMMAND, "classpath:db/grants/platform-command")
            .granting(ApplicationRole.QUERY, "classpath:db/grants/platform-query");

    @Bean
    SchemaMigrations schemaMigrations(
            DataSource dataSource,
            ObjectProvider<DataSourceProperties> dataSourceProperties,
            MigrationSettings migrator,
            ObjectProvider<SchemaMigration> serviceMigrations) {
        if (!migrator.enabled()) {
            return new SchemaMigrations(dataSource, java.util.List.of()); // run before, by MigrateOnly
        }
        return migrator.migrations(
                dataSource,
                dataSourceProperties.getIfAvailable(),
                serviceMigrations.orderedStream().toList());
    }
}
