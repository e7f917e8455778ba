package de.kiim.query.search;

import de.kiim.platform.security.KiimUser;
import de.kiim.platform.web.FieldProblem;
import de.kiim.platform.web.InvalidRequest;
import de.kiim.platform.web.RuleViolation;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@RestController
@Tag(name = "Person search", description = "Find persons in the caller's agency view; save searches as views")
class PersonSearchController {

    private final NamedParameterJdbcTemplate jdbc;

    PersonSearchController(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    record Page(int page, int size, long total, List<String> fields, List<Map<String, Object>> persons) {
    }

    record SavedView(@Schema(description = "The search's query string, as for GET /api/v1/persons",
            example = "benefitRegime=SGB_II&courseState=ENROLLED&fields=familyName,cefrLevel&sort=familyName")
                     @NotBlank @Size(max = 2000) String query) {
    }

    @GetMapping("/api/v1/persons")
    @Operation(summary = "Search persons in the caller's agency view",
            description = "Filters combine (and): name (start of the family name), birthYear, nationality, "
                    + "residenceStatus, benefitRegime, courseType and courseState (a course of that type in that "
                    + "state), cefrLevel (reached at least), municipality, arrivedFrom/arrivedTo (entry date). "
                    + "fields chooses the columns (personId always), sort orders them (-field descending), page "
                    + "and size (max 200) page them; view=NAME starts from a saved view. Only persons and fields "
                    + "the agency sees; opening a hit (the card) is logged.")
    Page search(@RequestParam Map<String, String> query, @AuthenticationPrincipal KiimUser user) {
        Map<String, String> effective = new LinkedHashMap<>();
        if (query.containsKey("view")) {
            effective.putAll(savedQuery(user, query.get("view")));
        }
        effective.putAll(query);
        effective.remove("view");
        PersonSearch search = PersonSearch.of(user.agencyId(), effective);
        long total = jdbc.queryForObject("select count(*) from query.person_card c where " + search.where(),
                search.parameters, Long.class);
        search.parameters.addValue("limit", search.size).addValue("offset", (long) search.page * search.size);
        String columns = search.fields.stream().map(field -> PersonSearch.COLUMNS.get(field) + " as \"" + field + "\"")
                .reduce("c.person_id as \"personId\"", (all, column) -> all + ", " + column);
        List<Map<String, Object>> persons = jdbc.query("select " + columns + " from query.person_card c where "
                        + search.where() + " order by " + search.orderBy + " limit :limit offset :offset",
                search.parameters, (rs, row) -> {
                    Map<String, Object> person = new LinkedHashMap<>();
                    person.put("personId", rs.getObject("personId", UUID.class));
                    for (String field : search.fields) {
                        Object value = rs.getObject(field);
                        person.put(field, value instanceof Date date ? date.toLocalDate() : value);
                    }
                    return person;
                });
        return new Page(search.page, search.size, total, search.fields, persons);
    }

    @GetMapping("/api/v1/views")
    @Operation(summary = "The caller's saved searches")
    Map<String, String> views(@AuthenticationPrincipal KiimUser user) {
        Map<String, String> views = new LinkedHashMap<>();
        jdbc.getJdbcTemplate().query("select name, query from query.saved_view where username = ? order by name",
                rs -> {
                    views.put(rs.getString("name"), rs.getString("query"));
                }, user.getUsername());
        return views;
    }

    @PutMapping("/api/v1/views/{name}")
    @Operation(summary = "Save a search under a name", description = "The query is checked as a search would be.")
    ResponseEntity<Void> save(@PathVariable @Pattern(regexp = "[\\w .-]{1,100}") String name,
                              @Valid @RequestBody SavedView view, @AuthenticationPrincipal KiimUser user) {
        PersonSearch.of(user.agencyId(), parse(view.query()));
        jdbc.getJdbcTemplate().update("""
                insert into query.saved_view (username, name, query) values (?, ?, ?)
                on conflict (username, name) do update set query = excluded.query""",
                user.getUsername(), name, view.query());
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/api/v1/views/{name}")
    @Operation(summary = "Delete a saved search")
    ResponseEntity<Void> delete(@PathVariable String name, @AuthenticationPrincipal KiimUser user) {
        jdbc.getJdbcTemplate().update("delete from query.saved_view where username = ? and name = ?",
                user.getUsername(), name);
        return ResponseEntity.noContent().build();
    }

    private Map<String, String> savedQuery(KiimUser user, String name) {
        List<String> saved = jdbc.getJdbcTemplate().queryForList(
                "select query from query.saved_view where username = ? and name = ?", String.class,
                user.getUsername(), name);
        if (saved.isEmpty()) {
            throw RuleViolation.notFound("view.unknown", "You have no saved view of this name.");
        }
        return parse(saved.get(0));
    }

    private static Map<String, String> parse(String queryString) {
        Map<String, String> query = new LinkedHashMap<>();
        UriComponentsBuilder.newInstance().query(queryString).build().getQueryParams().forEach((name, values) -> {
            if (values.size() != 1 || values.get(0) == null) {
                throw new InvalidRequest(new FieldProblem("query", "must give " + name + " once, with a value"));
            }
            query.put(name, URLDecoder.decode(values.get(0), StandardCharsets.UTF_8));
        });
        return query;
    }
}
