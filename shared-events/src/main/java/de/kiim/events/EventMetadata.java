package de.kiim.events;

import java.time.Instant;
import org.axonframework.eventhandling.EventMessage;

/**
 * Keys of the metadata every event carries beside its payload: who recorded it, for which agency, in which
 * request, and when. The domain time of a step is the event's own {@code occurredAt}; {@link #RECORDED_AT} is
 * when it was entered into Kiim.
 */
public final class EventMetadata {

    /** Username of the author. */
    public static final String USER = "user";
    /** Agency id of the author. */
    public static final String AGENCY = "agency";
    /** Correlation id of the request that caused the event (from the {@code X-Correlation-Id} header or new). */
    public static final String CORRELATION_ID = "correlationId";
    /** ISO-8601 instant at which the command was received. */
    public static final String RECORDED_AT = "recordedAt";

    private EventMetadata() {}

    /** When the event was entered into Kiim: its {@link #RECORDED_AT}, or the store's timestamp where it has none. */
    public static Instant recordedAt(EventMessage<?> event) {
        Object recordedAt = event.getMetaData().get(RECORDED_AT);
        return recordedAt == null ? event.getTimestamp() : Instant.parse(recordedAt.toString());
    }
}
