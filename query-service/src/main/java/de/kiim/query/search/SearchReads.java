package de.kiim.query.search;

import de.kiim.platform.security.KiimUser;
import de.kiim.query.accesslog.AccessLog;
import de.kiim.query.accesslog.AccessPurpose;
import de.kiim.query.accesslog.AccessView;
import java.sql.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Runs searches for the API: a page of persons comes only together with its entries in the access log, one per
 * returned person (view {@code SEARCH}), appended in one statement — which persons were shown, never what was
 * searched for. Controllers read through here, never with SQL of their own (system-tests {@code ArchitectureTest}).
 */
@Component
class SearchReads {

    private final NamedParameterJdbcTemplate jdbc;
    private final AccessLog accessLog;

    SearchReads(NamedParameterJdbcTemplate jdbc, AccessLog accessLog) {
        this.jdbc = jdbc;
        this.accessLog = accessLog;
    }

    record Page(int page, int size, long total, List<String> fields, List<Map<String, Object>> persons) {}

    Page search(KiimUser reader, PersonSearch search, AccessPurpose purpose) {
        long total = jdbc.queryForObject(
                "select count(*) from query.person_card c where " + search.where(), search.parameters, Long.class);
        search.parameters.addValue("limit", search.size).addValue("offset", (long) search.page * search.size);
        String columns = search.fields.stream()
                .map(field -> PersonSearch.COLUMNS.get(field) + " as \"" + field + "\"")
                .reduce("c.person_id as \"personId\"", (all, column) -> all + ", " + column);
        List<Map<String, Object>> persons = jdbc.query(
                "select " + columns + " from query.person_card c where " + search.where() + " order by "
                        + search.orderBy + " limit :limit offset :offset",
                search.parameters,
                (rs, row) -> {
                    Map<String, Object> person = new LinkedHashMap<>();
                    person.put("personId", rs.getObject("personId", UUID.class));
                    for (String field : search.fields) {
                        Object value = rs.getObject(field);
                        person.put(field, value instanceof Date date ? date.toLocalDate() : value);
                    }
                    return person;
                });
        accessLog.recordAll(
                reader,
                persons.stream().map(person -> (UUID) person.get("personId")).toList(),
                AccessView.SEARCH,
                purpose);
        return new Page(search.page, search.size, total, search.fields, persons);
    }
}
