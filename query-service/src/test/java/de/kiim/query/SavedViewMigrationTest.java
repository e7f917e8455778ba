package de.kiim.query;

import de.kiim.testsupport.TestDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Views saved before a saved view could not hold a name or birth year lose those filters on upgrade. */
class SavedViewMigrationTest {

    @Test
    void the_upgrade_strips_name_and_birth_year_filters_from_saved_views() {
        TestDatabase database = TestDatabase.another();
        var dataSource = new DriverManagerDataSource(database.jdbcUrl(), database.username(), database.password());
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        migrate(dataSource, "7");
        Map.of("by-name", "name=Mustermann&fields=familyName", "middle", "sort=familyName&birthYear=1990&size=20",
                        "only-identifying", "name=Muster&birthYear=1980", "coded", "nationality=SYR&sort=-familyName",
                        "lookalike", "fields=familyName&nationality=DEU&sort=name")
                .forEach((name, query) -> jdbc.update(
                        "insert into query.saved_view (username, name, query) values ('kim', ?, ?)", name, query));

        migrate(dataSource, "latest");

        Map<String, Object> views = new java.util.TreeMap<>();
        jdbc.query("select name, query from query.saved_view", rs -> {
            views.put(rs.getString("name"), rs.getString("query"));
        });
        assertThat(views).containsExactlyEntriesOf(new java.util.TreeMap<>(Map.of(
                "by-name", "fields=familyName",
                "coded", "nationality=SYR&sort=-familyName",
                "lookalike", "fields=familyName&nationality=DEU&sort=name",
                "middle", "sort=familyName&size=20")));
    }

    private static void migrate(javax.sql.DataSource dataSource, String target) {
        Flyway.configure().dataSource(dataSource).locations("classpath:db/query").schemas("query")
                .createSchemas(true).target(target).load().migrate();
    }
}
