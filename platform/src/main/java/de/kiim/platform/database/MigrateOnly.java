package de.kiim.platform.database;

import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/**
 * A service's migrations and nothing else: {@code java -jar <service>.jar migrate [--setting=value …]} runs the
 * shared and the service's own migrations with the service's configuration (migrator and grants from
 * {@code kiim.migrations.*}, whatever {@code kiim.migrations.enabled} says) and ends. A deployment runs it before
 * starting the instances with {@code kiim.migrations.enabled=false}, which then never hold the migrator's password
 * (docs/operations.md, "Database roles").
 */
public final class MigrateOnly {

    /** The first argument that makes a service's {@code main} migrate and end instead of starting. */
    public static final String ARGUMENT = "migrate";

    private MigrateOnly() {}

    public static boolean requested(String... args) {
        return args.length > 0 && ARGUMENT.equals(args[0]);
    }

    /**
     * @param configName the service's configuration file name ({@code spring.config.name})
     * @param service    the service's own migrations
     * @param args       the command line, starting with {@link #ARGUMENT}
     */
    public static void run(String configName, SchemaMigration service, String... args) throws SQLException {
        try (var context = new SpringApplicationBuilder(Context.class)
                .web(WebApplicationType.NONE)
                .properties("spring.config.name=" + configName)
                .run(Arrays.copyOfRange(args, 1, args.length))) {
            context.getBean(MigrationSettings.class)
                    .migrations(
                            context.getBean(DataSource.class),
                            context.getBean(DataSourceProperties.class),
                            List.of(service))
                    .afterPropertiesSet();
        }
    }

    /** The datasource and the migration settings, without the service around them. */
    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration(DataSourceAutoConfiguration.class)
    @EnableConfigurationProperties(MigrationSettings.class)
    static class Context {}
}
