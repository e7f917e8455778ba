package de.kiim.testsupport;

import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.CommandLinePropertySource;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Points every Spring Boot application started in a test JVM at the run's {@link TestDatabase}. Registered in
 * this module's {@code META-INF/spring.factories}; the module is only ever on test classpaths, so production
 * applications never see it.
 */
public class TestDatabaseEnvironment implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        TestDatabase database = TestDatabase.instance();
        var source = new MapPropertySource(
                "kiim-test-database",
                Map.of(
                        "spring.datasource.url", database.jdbcUrl(),
                        "spring.datasource.username", database.username(),
                        "spring.datasource.password", database.password()));
        // Above configuration files and the environment, below command-line arguments: a test may still choose
        // another database of this run (see TestDatabase#another()).
        var sources = environment.getPropertySources();
        if (sources.contains(CommandLinePropertySource.COMMAND_LINE_PROPERTY_SOURCE_NAME)) {
            sources.addAfter(CommandLinePropertySource.COMMAND_LINE_PROPERTY_SOURCE_NAME, source);
        } else {
            sources.addFirst(source);
        }
    }
}
