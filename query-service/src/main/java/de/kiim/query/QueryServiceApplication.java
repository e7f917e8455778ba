package de.kiim.query;

import de.kiim.platform.database.ApplicationRole;
import de.kiim.platform.database.MigrateOnly;
import de.kiim.platform.database.SchemaMigration;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.annotation.Bean;

/** The read side of Kiim: projections of the event store, and the APIs counselors and analysts read. */
@SpringBootApplication
public class QueryServiceApplication {

    /** Every way of starting this service, so that its configuration is query-service.yml. */
    public static SpringApplicationBuilder builder() {
        // Its own config name: in a JVM that runs both services (system tests), an application.yml of each would
        // shadow the other's.
        return new SpringApplicationBuilder(QueryServiceApplication.class)
                .properties("spring.config.name=query-service");
    }

    /** Starts the service, or with {@code migrate} as first argument only migrates its schemas ({@link MigrateOnly}). */
    public static void main(String[] args) throws java.sql.SQLException {
        if (MigrateOnly.requested(args)) {
            MigrateOnly.run("query-service", new QueryServiceApplication().queryMigrations(), args);
            return;
        }
        builder().run(args);
    }

    @Bean
    java.time.Clock clock() {
        return java.time.Clock.systemUTC();
    }

    /**
     * The read models live in schema {@code query}, the statistics read model in {@code statistics}, the access log
     * in {@code audit}, migrated by this service.
     */
    @Bean
    SchemaMigration queryMigrations() {
        return SchemaMigration.of("classpath:db/query", "query", "statistics")
                .granting(ApplicationRole.QUERY, "classpath:db/grants/query");
    }
}
