package de.kiim.query;

import de.kiim.platform.database.SchemaMigration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/** The read side of Kiim: projections of the event store, and the APIs counselors and analysts read. */
@SpringBootApplication
public class QueryServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(QueryServiceApplication.class, args);
    }

    /** The read models live in schema {@code query}, migrated by this service alone. */
    @Bean
    SchemaMigration queryMigrations() {
        return SchemaMigration.of("classpath:db/query", "query");
    }
}
