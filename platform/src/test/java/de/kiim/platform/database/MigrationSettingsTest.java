package de.kiim.platform.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

class MigrationSettingsTest {

    private final DriverManagerDataSource application = new DriverManagerDataSource("jdbc:postgresql://db/kiim");

    @Test
    void unset_the_application_datasource_migrates_and_nothing_is_granted() {
        var settings = new MigrationSettings(null, null, null, null, null, true);
        assertThat(settings.dataSource(application, properties())).isSameAs(application);
        assertThat(settings.roles()).isEmpty();
    }

    @Test
    void a_migration_role_connects_to_the_application_url_unless_told_otherwise() {
        var settings = new MigrationSettings(null, "kiim_migrator", "secret", "kiim_command", "kiim_query", true);
        var migrations = (DriverManagerDataSource) settings.dataSource(application, properties());
        assertThat(migrations.getUrl()).isEqualTo("jdbc:postgresql://db/kiim");
        assertThat(migrations.getUsername()).isEqualTo("kiim_migrator");
        assertThat(settings.roles())
                .containsExactly(
                        Map.entry(ApplicationRole.COMMAND, "kiim_command"),
                        Map.entry(ApplicationRole.QUERY, "kiim_query"));
    }

    @Test
    void role_names_are_plain_identifiers_and_not_the_migrator() {
        assertThatThrownBy(() -> new MigrationSettings(null, "m", null, "x; drop table y", null, true))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MigrationSettings(null, "kiim", null, null, "kiim", true))
                .hasMessageContaining("leave them unset");
    }

    @Test
    void the_documented_environment_variables_bind() {
        var environment = Map.<String, Object>of(
                "KIIM_MIGRATIONS_USERNAME",
                "kiim_migrator",
                "KIIM_MIGRATIONS_COMMANDROLE",
                "kiim_command",
                "KIIM_MIGRATIONS_QUERYROLE",
                "kiim_query");
        var sources = new StandardEnvironment();
        sources.getPropertySources()
                .addFirst(new org.springframework.core.env.SystemEnvironmentPropertySource(
                        StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, environment));
        var settings = Binder.get(sources)
                .bind("kiim.migrations", MigrationSettings.class)
                .get();
        assertThat(settings.username()).isEqualTo("kiim_migrator");
        assertThat(settings.roles()).containsValues("kiim_command", "kiim_query");
    }

    private static DataSourceProperties properties() {
        var properties = new DataSourceProperties();
        properties.setUrl("jdbc:postgresql://db/kiim");
        return properties;
    }
}
