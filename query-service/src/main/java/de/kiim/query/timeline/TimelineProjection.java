package de.kiim.query.timeline;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.kiim.events.Category;
import de.kiim.events.EventJson;
import de.kiim.events.EventMetadata;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** Writes every event of a person's stream as one timeline entry. */
@Component
@ProcessingGroup(TimelineProjection.GROUP)
class TimelineProjection {

    static final String GROUP = "timeline";
    private static final ObjectMapper JSON = EventJson.newObjectMapper();

    private final JdbcTemplate jdbc;

    TimelineProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(Object payload, DomainEventMessage<?> event) {
        ObjectNode data = JSON.valueToTree(payload);
        data.remove("personId");
        LocalDate occurredAt = data.hasNonNull("occurredAt") ? LocalDate.parse(data.remove("occurredAt").asText()) : null;
        Category category = payload.getClass().getAnnotation(Category.class);
        jdbc.update("""
                        insert into query.timeline_entry (event_id, person_id, sequence_number, type, category,
                                                          occurred_at, recorded_at, author, agency, data)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb)
                        on conflict (event_id) do nothing""",
                event.getIdentifier(),
                UUID.fromString(event.getAggregateIdentifier()),
                event.getSequenceNumber(),
                payload.getClass().getSimpleName(),
                category == null ? "UNCATEGORISED" : category.value().name(),
                occurredAt == null ? null : Date.valueOf(occurredAt),
                Timestamp.from(recordedAt(event)),
                event.getMetaData().get(EventMetadata.USER),
                event.getMetaData().get(EventMetadata.AGENCY),
                data.toString());
    }

    private static Instant recordedAt(DomainEventMessage<?> event) {
        Object recordedAt = event.getMetaData().get(EventMetadata.RECORDED_AT);
        return recordedAt == null ? event.getTimestamp() : Instant.parse(recordedAt.toString());
    }
}
