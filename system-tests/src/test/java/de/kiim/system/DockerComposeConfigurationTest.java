package de.kiim.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * docker-compose.yml cannot be run here (no Docker engine), so its agreement with the services' own configuration
 * is checked instead: service names, ports, environment variables and database coordinates.
 */
class DockerComposeConfigurationTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z_]+):([^}]*)}");

    private final Map<String, Object> compose = yaml(ROOT.resolve("docker-compose.yml"));
    private final String platformConfig = read(ROOT.resolve("platform/src/main/resources/kiim-platform.yml"));

    @Test
    void compose_runs_postgres_and_both_services() {
        assertThat(services().keySet()).containsExactlyInAnyOrder("postgres", "command-service", "query-service");
    }

    @Test
    void published_ports_are_the_ports_the_services_listen_on() {
        assertPort("command-service", "KIIM_COMMAND_PORT");
        assertPort("query-service", "KIIM_QUERY_PORT");
    }

    @Test
    void every_variable_compose_sets_is_read_by_the_service() {
        for (String service : List.of("command-service", "query-service")) {
            String config = platformConfig + serviceConfig(service);
            for (String variable : environment(service).keySet()) {
                if (!variable.startsWith("SPRING_")) {
                    assertThat(config).as("%s reads %s", service, variable).contains("${" + variable + ":");
                }
            }
        }
    }

    @Test
    void services_use_the_compose_database_and_its_credentials() {
        Map<String, Object> postgres = environment("postgres");
        for (String service : List.of("command-service", "query-service")) {
            Map<String, Object> env = environment(service);
            URI url = URI.create(env.get("KIIM_DB_URL").toString().replaceFirst("^jdbc:", ""));
            assertThat(services()).containsKey(url.getHost());
            assertThat(url.getPort()).isEqualTo(5432);
            assertThat(url.getPath()).isEqualTo("/" + postgres.get("POSTGRES_DB"));
            assertThat(url.getQuery()).contains("reWriteBatchedInserts=true");
            assertThat(env.get("KIIM_DB_USER")).isEqualTo(postgres.get("POSTGRES_USER"));
            assertThat(env.get("KIIM_DB_PASSWORD")).isEqualTo(postgres.get("POSTGRES_PASSWORD"));
        }
    }

    @Test
    void location_headers_point_at_the_published_query_service() {
        URI queryService = URI.create(
                environment("command-service").get("KIIM_QUERY_SERVICE_URL").toString());
        assertThat(queryService.getPort()).isEqualTo(defaultOf(serviceConfig("query-service"), "KIIM_QUERY_PORT"));
    }

    @Test
    void each_service_is_built_from_its_own_dockerfile_exposing_its_port() {
        for (var entry : Map.of("command-service", "KIIM_COMMAND_PORT", "query-service", "KIIM_QUERY_PORT")
                .entrySet()) {
            @SuppressWarnings("unchecked")
            var build = (Map<String, Object>) services().get(entry.getKey()).get("build");
            String dockerfile = read(ROOT.resolve(build.get("dockerfile").toString()));
            assertThat(dockerfile)
                    .contains("-pl " + entry.getKey())
                    .contains("EXPOSE " + defaultOf(serviceConfig(entry.getKey()), entry.getValue()));
        }
    }

    private void assertPort(String service, String variable) {
        int port = defaultOf(serviceConfig(service), variable);
        assertThat(environment(service).get(variable)).isEqualTo(port);
        // Published on the loopback interface only: the demo users must not be reachable from the network.
        assertThat(services().get(service).get("ports")).isEqualTo(List.of("127.0.0.1:" + port + ":" + port));
    }

    private static int defaultOf(String config, String variable) {
        Matcher matcher = PLACEHOLDER.matcher(config);
        while (matcher.find()) {
            if (matcher.group(1).equals(variable)) {
                return Integer.parseInt(matcher.group(2));
            }
        }
        throw new AssertionError(variable + " has no default in the service configuration");
    }

    @SuppressWarnings("unchecked")
    private Map<String, Map<String, Object>> services() {
        return (Map<String, Map<String, Object>>) compose.get("services");
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> environment(String service) {
        var env = (Map<String, Object>) services().get(service).get("environment");
        // Compose substitutes ${VAR:-default}; the test compares what a default start would use.
        env.replaceAll((key, value) ->
                value instanceof String text ? text.replaceAll("\\$\\{[A-Z_]+:-([^}]*)}", "$1") : value);
        return env;
    }

    private static String serviceConfig(String service) {
        return read(ROOT.resolve(service + "/src/main/resources/" + service + ".yml"));
    }

    private static Map<String, Object> yaml(Path file) {
        return new Yaml().load(read(file));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new AssertionError("cannot read " + file, e);
        }
    }
}
