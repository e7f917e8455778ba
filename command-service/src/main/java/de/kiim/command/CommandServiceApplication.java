package de.kiim.command;

import de.kiim.platform.database.SchemaMigration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/** The command side of Kiim: agency systems and caseworkers record integration steps here. */
@SpringBootApplication
public class CommandServiceApplication {

    /** Command-side bookkeeping (erasure schedule) lives in schema {@code command}, migrated by this service. */
    @Bean
    SchemaMigration commandMigrations() {
        return SchemaMigration.of("classpath:db/command", "command");
    }

    public static void main(String[] args) {
        SpringApplication.run(CommandServiceApplication.class, args);
    }
}
