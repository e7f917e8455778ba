package de.kiim.query.search;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Table {@code query.saved_view}: a user's named searches, which never hold a name or birth-date filter. */
@Repository
class SavedViews {

    private final JdbcTemplate jdbc;

    SavedViews(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Map<String, String> all(String username) {
        Map<String, String> views = new LinkedHashMap<>();
        jdbc.query(
                "select name, query from query.saved_view where username = ? order by name",
                rs -> {
                    views.put(rs.getString("name"), rs.getString("query"));
                },
                username);
        return views;
    }

    Optional<String> find(String username, String name) {
        List<String> saved = jdbc.queryForList(
                "select query from query.saved_view where username = ? and name = ?", String.class, username, name);
        return saved.stream().findFirst();
    }

    void save(String username, String name, String query) {
        jdbc.update("""
                insert into query.saved_view (username, name, query) values (?, ?, ?)
                on conflict (username, name) do update set query = excluded.query""", username, name, query);
    }

    void delete(String username, String name) {
        jdbc.update("delete from query.saved_view where username = ? and name = ?", username, name);
    }
}
