package de.kiim.query.timeline;

import com.fasterxml.jackson.databind.node.ObjectNode;
import de.kiim.events.Category;
import de.kiim.events.EventMetadata;
import de.kiim.query.projections.OrderedWrites;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import org.axonframework.eventhandling.DomainEventMessage;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The timeline rows of each agency ({@code query.timeline_entry}): one per event the agency may see, holding only
 * the fields it may read. Keyed by agency and event id, so a redelivered event lands once.
 */
@Repository
public class TimelineEntries {

    private static final String INSERT = """
            insert into query.timeline_entry (agency_id, event_id, person_id, sequence_number, type, category,
                                              occurred_at, recorded_at, author, author_agency, data, erased)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?)
            on conflict (agency_id, event_id) do nothing""";

    private final JdbcTemplate jdbc;

    TimelineEntries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Writes the row with the transaction's other writes just before it commits (see {@link OrderedWrites}).
     *
     * @param data          the fields the agency may read, without the person id; {@code occurredAt} is taken out
     *                      here
     * @param erased        whether the person's key was gone when the event was read
     * @param wholeCategory whether the agency reads the event's category in full: only then does it learn which
     *                      other agency recorded the event; another agency's user is never named
     */
    public void write(
            String agency, DomainEventMessage<?> event, ObjectNode data, boolean erased, boolean wholeCategory) {
        Object authorAgency = event.getMetaData().get(EventMetadata.AGENCY);
        boolean ownRecord = agency.equals(authorAgency);
        LocalDate occurredAt = data.hasNonNull("occurredAt")
                ? LocalDate.parse(data.remove("occurredAt").asText())
                : null;
        Category category = event.getPayloadType().getAnnotation(Category.class);
        Object[] row = {
            agency,
            event.getIdentifier(),
            UUID.fromString(event.getAggregateIdentifier()),
            event.getSequenceNumber(),
            event.getPayloadType().getSimpleName(),
            category == null ? "UNCATEGORISED" : category.value().name(),
            occurredAt,
            // java.time values: the driver's java.sql.Date/Timestamp path goes through Calendar, measurably
            // slower in a replay.
            EventMetadata.recordedAt(event).atOffset(ZoneOffset.UTC),
            ownRecord ? event.getMetaData().get(EventMetadata.USER) : null,
            ownRecord || wholeCategory ? authorAgency : null,
            OrderedWrites.jsonb(data),
            erased
        };
        writes().add(INSERT, row);
    }

    /** The agency no longer sees the person. */
    public void forget(String agency, UUID personId) {
        writes().add("delete from query.timeline_entry where agency_id = ? and person_id = ?", agency, personId);
    }

    /** The agency is closed and sees nobody. */
    public void forgetAgency(String agency) {
        writes().add("delete from query.timeline_entry where agency_id = ?", agency);
    }

    public void forgetPerson(UUID personId) {
        writes().add("delete from query.timeline_entry where person_id = ?", personId);
    }

    public void forgetAll() {
        writes().add("delete from query.timeline_entry");
    }

    private OrderedWrites writes() {
        return OrderedWrites.of(this, jdbc);
    }
}
