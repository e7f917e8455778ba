package de.kiim.platform.database;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.context.annotation.Bean;

import javax.sql.DataSource;

/** Migrates the shared schemas (event store, agency directory) and every service's own {@link SchemaMigration}s. */
@AutoConfiguration(after = DataSourceAutoConfiguration.class)
public class DatabaseConfiguration {

    /** The schemas both services share. */
    public static final SchemaMigration SHARED = SchemaMigration.of("classpath:db/platform", "event_store", "directory", "key_store");

    @Bean
    SchemaMigrations schemaMigrations(DataSource dataSource, ObjectProvider<SchemaMigration> serviceMigrations) {
        var all = new java.util.ArrayList<SchemaMigration>();
        all.add(SHARED);
        serviceMigrations.orderedStream().forEach(all::add);
        return new SchemaMigrations(dataSource, all);
    }
}
