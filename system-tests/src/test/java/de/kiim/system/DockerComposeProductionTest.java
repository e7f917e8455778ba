package de.kiim.system;

import static org.assertj.core.api.Assertions.assertThat;

import de.kiim.command.erasure.RetentionPeriods;
import de.kiim.events.vocabulary.SupportEndReason;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Period;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The production override of docker-compose.yml (deploy/compose/production.yml) cannot be run here (no Docker
 * engine), so what it promises is checked on the file: no demo profile, every secret demanded, the migrations in
 * jobs of their own as the migrator, the services as their least-privileged roles, and example retention periods
 * the command service accepts.
 */
class DockerComposeProductionTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final List<String> SERVICES = List.of("command-service", "query-service");
    private static final List<String> MIGRATIONS = List.of("command-migrate", "query-migrate");

    private final Map<String, Object> production = yaml(ROOT.resolve("deploy/compose/production.yml"));

    @Test
    void nothing_runs_the_local_profile_with_its_demo_users() {
        for (String service : concat(SERVICES, MIGRATIONS)) {
            assertThat(environment(service).get("SPRING_PROFILES_ACTIVE"))
                    .as(service)
                    .isEqualTo("default");
        }
    }

    @Test
    void every_password_and_the_kek_must_be_given_no_default_stands_in() {
        for (String service : concat(concat(SERVICES, MIGRATIONS), List.of("postgres"))) {
            environment(service).forEach((variable, value) -> {
                if (variable.contains("PASSWORD")) {
                    assertThat(value.toString()).as("%s %s", service, variable).matches("\\$\\{[A-Z_]+:\\?.+}");
                }
            });
        }
        assertThat(secrets().get("kiim_kek").get("file").toString()).matches("\\$\\{[A-Z_]+:\\?.+}");
        for (String service : SERVICES) {
            assertThat(environment(service).get("KIIM_KEK_FILE")).isEqualTo("/run/secrets/kiim_kek");
            assertThat(services().get(service).get("secrets")).isEqualTo(List.of("kiim_kek"));
        }
    }

    @Test
    void migrations_run_first_as_the_migrator_and_the_services_as_roles_that_own_nothing() {
        String roles = read(ROOT.resolve("deploy/postgres/roles.sql"));
        for (String job : MIGRATIONS) {
            Map<String, Object> env = environment(job);
            assertThat(services().get(job).get("command")).isEqualTo(List.of("migrate"));
            assertThat(env.get("KIIM_DB_USER")).isEqualTo("kiim_migrator");
            assertThat(env)
                    .containsEntry("KIIM_MIGRATIONS_COMMANDROLE", "kiim_command")
                    .containsEntry("KIIM_MIGRATIONS_QUERYROLE", "kiim_query");
        }
        assertThat(environment("command-service").get("KIIM_DB_USER")).isEqualTo("kiim_command");
        assertThat(environment("query-service").get("KIIM_DB_USER")).isEqualTo("kiim_query");
        for (String service : SERVICES) {
            assertThat(environment(service).get("KIIM_MIGRATIONS_ENABLED")).isEqualTo("false");
            assertThat(environment(service).keySet())
                    .noneMatch(variable ->
                            variable.startsWith("KIIM_MIGRATIONS_") && !variable.equals("KIIM_MIGRATIONS_ENABLED"));
            assertThat(dependsOn(service).values()).containsOnly(Map.of("condition", "service_completed_successfully"));
        }
        assertThat(dependsOn("query-migrate")).containsKey("command-migrate");
        for (String role : List.of("kiim_migrator", "kiim_command", "kiim_query")) {
            assertThat(roles).contains("'" + role + "'");
        }
        @SuppressWarnings("unchecked")
        List<String> initScripts = (List<String>) services().get("postgres").get("volumes");
        assertThat(initScripts)
                .anyMatch(volume -> volume.startsWith("./deploy/postgres/roles.sql:/docker-entrypoint-initdb.d/"));
        assertThat(initScripts)
                .allSatisfy(
                        volume -> assertThat(ROOT.resolve(volume.split(":")[0])).exists());
    }

    @Test
    void the_example_retention_periods_are_ones_the_command_service_starts_with() {
        @SuppressWarnings("unchecked")
        var config = (Map<String, Map<String, Map<String, Map<String, String>>>>) (Map<?, ?>)
                yaml(ROOT.resolve("deploy/compose/production/command-service.yml"));
        var retention = new EnumMap<SupportEndReason, Period>(SupportEndReason.class);
        config.get("kiim")
                .get("erasure")
                .get("retention")
                .forEach((reason, period) -> retention.put(SupportEndReason.valueOf(reason), Period.parse(period)));

        var periods = new RetentionPeriods(retention, Period.ofDays(14));

        assertThat(periods.retention().keySet()).containsExactlyInAnyOrder(SupportEndReason.values());
        assertThat(environment("command-service").get("SPRING_CONFIG_ADDITIONAL_LOCATION"))
                .isEqualTo("optional:file:/etc/kiim/");
    }

    private static List<String> concat(List<String> first, List<String> second) {
        return java.util.stream.Stream.concat(first.stream(), second.stream()).toList();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Map<String, Object>> services() {
        return (Map<String, Map<String, Object>>) production.get("services");
    }

    @SuppressWarnings("unchecked")
    private Map<String, Map<String, Object>> secrets() {
        return (Map<String, Map<String, Object>>) production.get("secrets");
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> environment(String service) {
        return (Map<String, Object>) services().get(service).get("environment");
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> dependsOn(String service) {
        return (Map<String, Object>) services().get(service).get("depends_on");
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
