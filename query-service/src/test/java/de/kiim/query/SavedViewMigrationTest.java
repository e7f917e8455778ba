package de.kiim.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/** Views saved before a saved view could not hold a name or birth year lose those filters on upgrade. */
class SavedViewMigrationTest {

    @Test
    void the_upgrade_strips_name_and_birth_year_filters_from_saved_views() {
        var dataSource = QueryMigrations.freshDatabase();
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        QueryMigrations.migrate(dataSource, "7");
        Map.of(
                        "by-name",
                        "name=Mustermann&fields=familyName",
                        "middle",
                        "sort=familyName&birthYear=1990&size=20",
                        "only-identifying",
                        "name=Muster&birthYear=1980",
                        "coded",
                        "nationality=SYR&sort=-familyName",
                        "lookalike",
                        "fields=familyName&nationality=DEU&sort=name")
                .forEach((name, query) -> jdbc.update(
                        "insert into query.saved_view (username, name, query) values ('kim', ?, ?)", name, query));

        QueryMigrations.migrate(dataSource, "latest");

        Map<String, Object> views = new java.util.TreeMap<>();
        jdbc.query("select name, query from query.saved_view", rs -> {
            views.put(rs.getString("name"), rs.getString("query"));
        });
        assertThat(views)
                .containsExactlyEntriesOf(new java.util.TreeMap<>(Map.of(
                        "by-name", "fields=familyName",
                        "coded", "nationality=SYR&sort=-familyName",
                        "lookalike", "fields=familyName&nationality=DEU&sort=name",
                        "middle", "sort=familyName&size=20")));
    }
}
