package de.kiim.query.timeline;

import com.fasterxml.jackson.databind.ObjectMapper;
import de.kiim.platform.web.RuleViolation;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.sql.Date;
import java.util.List;
import java.util.UUID;

@RestController
@RequestMapping("/api/v1/persons/{personId}/timeline")
@Tag(name = "Timeline", description = "A person's integration path, step by step")
class TimelineController {

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    TimelineController(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @GetMapping
    @Operation(summary = "Read a person's timeline", description = "Entries in the order they were recorded.")
    List<TimelineEntry> timeline(@PathVariable UUID personId) {
        List<TimelineEntry> entries = jdbc.query("""
                        select sequence_number, type, category, occurred_at, recorded_at, author, agency, data, erased
                          from query.timeline_entry where person_id = ? order by sequence_number""",
                (rs, row) -> {
                    Date occurredAt = rs.getDate("occurred_at");
                    return new TimelineEntry(
                            rs.getLong("sequence_number"),
                            rs.getString("type"),
                            rs.getString("category"),
                            occurredAt == null ? null : occurredAt.toLocalDate(),
                            rs.getTimestamp("recorded_at").toInstant(),
                            rs.getString("author"),
                            rs.getString("agency"),
                            readTree(rs.getString("data")),
                            rs.getBoolean("erased"));
                },
                personId);
        if (entries.isEmpty()) {
            throw RuleViolation.notFound("person.unknown", "No such person.");
        }
        return entries;
    }

    private com.fasterxml.jackson.databind.JsonNode readTree(String data) {
        try {
            return json.readTree(data);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("timeline_entry.data is not JSON", e);
        }
    }
}
