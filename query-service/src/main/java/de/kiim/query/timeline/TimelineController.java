package de.kiim.query.timeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.kiim.events.vocabulary.Language;
import de.kiim.platform.security.KiimUser;
import de.kiim.query.accesslog.AccessLog;
import de.kiim.query.accesslog.AccessPurpose;
import de.kiim.query.accesslog.AccessView;
import de.kiim.query.labels.EventLabels;
import de.kiim.platform.web.RuleViolation;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.sql.Date;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

@RestController
@RequestMapping("/api/v1/persons/{personId}/timeline")
@Tag(name = "Timeline", description = "A person's integration path, step by step")
class TimelineController {

    private final JdbcTemplate jdbc;
    private final AccessLog accessLog;
    private final ObjectMapper json;
    private final EventLabels labels;

    TimelineController(JdbcTemplate jdbc, ObjectMapper json, EventLabels labels, AccessLog accessLog) {
        this.jdbc = jdbc;
        this.accessLog = accessLog;
        this.json = json;
        this.labels = labels;
    }

    @GetMapping
    @Operation(summary = "Read a person's timeline", description = "The entries the caller's agency may see, in the "
            + "order they were recorded, with only the fields it may read (docs/entitlements.md); titles and labels "
            + "in German or English by Accept-Language (German by default). 404 for a person the agency does not see.")
    List<TimelineEntry> timeline(@PathVariable UUID personId, Locale locale,
                                 @AuthenticationPrincipal KiimUser user,
                                 @RequestParam(required = false) AccessPurpose purpose) {
        Language language = Language.of(locale);
        List<TimelineEntry> entries = jdbc.query("""
                        select sequence_number, type, category, occurred_at, recorded_at, author, author_agency,
                               data, erased
                          from query.timeline_entry where agency_id = ? and person_id = ?
                         order by sequence_number""",
                (rs, row) -> {
                    Date occurredAt = rs.getDate("occurred_at");
                    String type = rs.getString("type");
                    JsonNode data = readTree(rs.getString("data"));
                    return new TimelineEntry(
                            rs.getLong("sequence_number"),
                            type,
                            labels.title(type, language),
                            rs.getString("category"),
                            occurredAt == null ? null : occurredAt.toLocalDate(),
                            rs.getTimestamp("recorded_at").toInstant(),
                            rs.getString("author"),
                            rs.getString("author_agency"),
                            data,
                            labels.labels(type, data, language),
                            rs.getBoolean("erased"));
                },
                user.agencyId(), personId);
        // A person the caller's agency does not see does not exist for it: 404, never 403.
        if (entries.isEmpty()) {
            throw RuleViolation.notFound("person.unknown", "No such person.");
        }
        accessLog.record(user, personId, AccessView.TIMELINE, purpose);
        return entries;
    }

    private JsonNode readTree(String data) {
        try {
            return json.readTree(data);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("timeline_entry.data is not JSON", e);
        }
    }
}
