package de.kiim.query.audit;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Who changed what and when, straight from the event store: every event's type, author, agency, times and
 * pseudonymous person id, never its payload (only the clear {@code occurredAt} is read from it).
 */
@Repository
class ChangeTrail {

    /**
     * One change. {@code position} pages the trail: pass the last one as {@code afterPosition}. A change of the
     * agency directory is about no person: its {@code personId} is null and {@code changedAgency} names the agency;
     * so is a change of an indicator's target, named by {@code changedTarget}.
     */
    record Change(
            long position,
            UUID personId,
            String changedAgency,
            UUID changedTarget,
            long sequence,
            String type,
            String author,
            String agency,
            Instant recordedAt,
            LocalDate occurredAt) {}

    /** The aggregate types of the directory's and the targets' streams, as Axon names them after the class. */
    private static final String AGENCY_STREAM = "Agency";

    private static final String TARGET_STREAM = "Target";

    private final JdbcTemplate jdbc;

    ChangeTrail(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    List<Change> find(
            UUID personId,
            String user,
            String agency,
            String type,
            Instant from,
            Instant to,
            long afterPosition,
            int limit) {
        return jdbc.query(
                """
                        select global_index, aggregate_identifier, type, sequence_number, payload_type, meta,
                               occurred_at,
                               coalesce((meta ->> 'recordedAt')::timestamptz, time_stamp::timestamptz) as recorded_at
                          from (select e.*, convert_from(e.meta_data, 'UTF8')::jsonb as meta,
                                       convert_from(e.payload, 'UTF8')::jsonb ->> 'occurredAt' as occurred_at
                                  from event_store.domain_event_entry e
                                 where e.global_index > ?
                                   and (?::varchar is null or e.aggregate_identifier = ?)
                                   and (?::varchar is null or e.payload_type like '%.' || ?)) e
                         where (?::varchar is null or meta ->> 'user' = ?)
                           and (?::varchar is null or meta ->> 'agency' = ?)
                           and (?::timestamptz is null
                                or coalesce((meta ->> 'recordedAt')::timestamptz, time_stamp::timestamptz) >= ?)
                           and (?::timestamptz is null
                                or coalesce((meta ->> 'recordedAt')::timestamptz, time_stamp::timestamptz) < ?)
                         order by global_index limit ?""",
                (rs, row) -> {
                    var meta = rs.getString("meta");
                    String occurredAt = rs.getString("occurred_at");
                    String stream = rs.getString("aggregate_identifier");
                    String streamType = rs.getString("type");
                    boolean agencyStream = AGENCY_STREAM.equals(streamType);
                    boolean targetStream = TARGET_STREAM.equals(streamType);
                    return new Change(
                            rs.getLong("global_index"),
                            agencyStream || targetStream ? null : UUID.fromString(stream),
                            agencyStream ? stream : null,
                            targetStream ? UUID.fromString(stream) : null,
                            rs.getLong("sequence_number"),
                            simpleName(rs.getString("payload_type")),
                            field(meta, "user"),
                            field(meta, "agency"),
                            rs.getTimestamp("recorded_at").toInstant(),
                            occurredAt == null ? null : LocalDate.parse(occurredAt));
                },
                afterPosition,
                text(personId),
                text(personId),
                type,
                type,
                user,
                user,
                agency,
                agency,
                timestamp(from),
                timestamp(from),
                timestamp(to),
                timestamp(to),
                limit);
    }

    private static String simpleName(String payloadType) {
        return payloadType.substring(payloadType.lastIndexOf('.') + 1);
    }

    /** A string member of the metadata JSON, without a JSON parser for two fields. */
    private static String field(String meta, String name) {
        var matcher = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]*)\"").matcher(meta);
        return matcher.find() ? matcher.group(1) : null;
    }

    private static String text(UUID id) {
        return id == null ? null : id.toString();
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
