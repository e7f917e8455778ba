package de.kiim.command;

import de.kiim.platform.database.ApplicationRole;
import de.kiim.platform.database.MigrateOnly;
import de.kiim.platform.database.SchemaMigration;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.annotation.Bean;

/** The command side of Kiim: agency systems and caseworkers record integration steps here. */
@SpringBootApplication
public class CommandServiceApplication {

    /** Command-side bookkeeping (erasure schedule) lives in schema {@code command}, migrated by this service. */
    @Bean
    SchemaMigration commandMigrations() {
        return SchemaMigration.of("classpath:db/command", "command")
                .granting(ApplicationRole.COMMAND, "classpath:db/grants/command");
    }

    /** Every way of starting this service, so that its configuration is command-service.yml. */
    public static SpringApplicationBuilder builder() {
        // Its own config name: in a JVM that runs both services (system tests), an application.yml of each would
        // shadow the other's.
        return new SpringApplicationBuilder(CommandServiceApplication.class)
                .properties("spring.config.name=command-service");
    }

    /** Starts the service, or with {@code migrate} as first argument only migrates its schemas ({@link MigrateOnly}). */
    public static void main(String[] args) throws java.sql.SQLException {
        if (MigrateOnly.requested(args)) {
            MigrateOnly.run("command-service", new CommandServiceApplication().commandMigrations(), args);
            return;
        }
        builder().run(args);
    }
}
