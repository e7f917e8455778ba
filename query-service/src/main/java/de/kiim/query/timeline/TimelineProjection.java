package de.kiim.query.timeline;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.kiim.events.Category;
import de.kiim.events.EventJson;
import de.kiim.events.EventMetadata;
import de.kiim.events.erasure.PersonDataErased;
import de.kiim.events.PersonId;
import de.kiim.events.privacy.PersonalDataModel;
import de.kiim.platform.crypto.CryptoProperties;
import de.kiim.platform.crypto.PersonKeyStore;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;

/** Writes every event of a person's stream as one timeline entry; forgets the person on erasure. */
@Component
@ProcessingGroup(TimelineProjection.GROUP)
class TimelineProjection {

    static final String GROUP = "timeline";
    private static final ObjectMapper JSON = EventJson.newObjectMapper();

    private final JdbcTemplate jdbc;
    private final PersonKeyStore keys;

    private final long keyCacheSize;

    TimelineProjection(JdbcTemplate jdbc, PersonKeyStore keys, CryptoProperties crypto) {
        this.jdbc = jdbc;
        this.keys = keys;
        this.keyCacheSize = crypto.keyCacheSize();
    }

    /**
     * A replay meets every person again, most of them long gone from the key cache: load the keys in one scan
     * instead of one query per person. Fills the cache (up to its size), so other projections replaying alongside
     * profit too.
     */
    @ResetHandler
    void onReset() {
        keys.preloadAll(keyCacheSize);
    }

    /**
     * Erasure: the person's entries go, and this instance forgets their data key at once (other caches expire
     * within their TTL). A replay that meets the person's earlier events first writes them as erased entries and
     * deletes them again here.
     */
    @EventHandler
    void on(PersonDataErased event) {
        keys.evict(event.personId());
        jdbc.update("delete from query.timeline_entry where person_id = ?", event.personId().value());
    }

    @EventHandler
    void on(Object payload, DomainEventMessage<?> event) {
        PersonId personId = PersonId.of(event.getAggregateIdentifier());
        boolean erased = PersonalDataModel.of(payload.getClass()).hasPersonalData() && keys.find(personId).isEmpty();
        ObjectNode data = JSON.valueToTree(payload);
        data.remove("personId");
        LocalDate occurredAt = data.hasNonNull("occurredAt") ? LocalDate.parse(data.remove("occurredAt").asText()) : null;
        Category category = payload.getClass().getAnnotation(Category.class);
        jdbc.update("""
                        insert into query.timeline_entry (event_id, person_id, sequence_number, type, category,
                                                          occurred_at, recorded_at, author, agency, data, erased)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?)
                        on conflict (event_id) do nothing""",
                event.getIdentifier(),
                personId.value(),
                event.getSequenceNumber(),
                payload.getClass().getSimpleName(),
                category == null ? "UNCATEGORISED" : category.value().name(),
                occurredAt == null ? null : Date.valueOf(occurredAt),
                Timestamp.from(recordedAt(event)),
                event.getMetaData().get(EventMetadata.USER),
                event.getMetaData().get(EventMetadata.AGENCY),
                data.toString(),
                erased);
    }

    private static Instant recordedAt(DomainEventMessage<?> event) {
        Object recordedAt = event.getMetaData().get(EventMetadata.RECORDED_AT);
        return recordedAt == null ? event.getTimestamp() : Instant.parse(recordedAt.toString());
    }
}
