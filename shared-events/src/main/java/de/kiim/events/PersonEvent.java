package de.kiim.events;

import java.time.LocalDate;

/**
 * An event of a person's integration path (<em>Ereignis</em>): every event is about one person and happened on a
 * day. Implemented by every event record of {@link EventCatalogue}, so that read models and the audit trail read
 * both from the typed event instead of from its JSON.
 */
public interface PersonEvent {

    /** The person the event is about; its stream is the person's. */
    PersonId personId();

    /** The day it happened (domain time; when it was recorded is the event's metadata). */
    LocalDate occurredAt();
}
