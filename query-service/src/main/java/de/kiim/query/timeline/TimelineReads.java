package de.kiim.query.timeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.kiim.events.vocabulary.Language;
import de.kiim.platform.security.KiimUser;
import de.kiim.query.accesslog.AccessLog;
import de.kiim.query.accesslog.AccessPurpose;
import de.kiim.query.accesslog.AccessView;
import de.kiim.query.labels.EventLabels;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads timelines for the API: a timeline comes only together with its entry in the access log (view
 * {@code TIMELINE}). Controllers read through here, never with SQL of their own (system-tests
 * {@code ArchitectureTest}).
 */
@Component
class TimelineReads {

    private final JdbcTemplate jdbc;
    private final AccessLog accessLog;
    private final ObjectMapper json;
    private final EventLabels labels;

    TimelineReads(JdbcTemplate jdbc, ObjectMapper json, EventLabels labels, AccessLog accessLog) {
        this.jdbc = jdbc;
        this.accessLog = accessLog;
        this.json = json;
        this.labels = labels;
    }

    /**
     * The entries the reader's agency sees, recorded up to {@code asOf} (null: all), logged; empty for a person it
     * does not see, or did not know of then (nothing logged). A past time narrows what the agency sees now, never
     * widens it: an agency that has lost its link does not see the person again at an earlier time.
     */
    List<TimelineEntry> timeline(
            KiimUser reader, UUID personId, Instant asOf, AccessPurpose purpose, Language language) {
        List<TimelineEntry> entries = jdbc.query(
                """
                        select sequence_number, type, category, occurred_at, recorded_at, author, author_agency,
                               data, erased
                          from query.timeline_entry
                         where agency_id = ? and person_id = ? and (?::timestamptz is null or recorded_at <= ?)
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
                reader.agencyId(),
                personId,
                asOf == null ? null : Timestamp.from(asOf),
                asOf == null ? null : Timestamp.from(asOf));
        if (!entries.isEmpty()) {
            accessLog.record(reader, personId, AccessView.TIMELINE, purpose);
        }
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
