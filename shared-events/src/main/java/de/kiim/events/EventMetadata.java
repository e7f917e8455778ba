package de.kiim.events;

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
}
