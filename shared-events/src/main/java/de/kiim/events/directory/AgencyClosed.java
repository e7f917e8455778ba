package de.kiim.events.directory;

import de.kiim.events.Label;
import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/**
 * An agency left the directory (<em>Stelle geschlossen</em>): its users and systems are refused from then on, it
 * is linked to no person and its views are gone. Its id is never given to another agency, so that the audit trail
 * keeps naming one institution.
 *
 * @param agencyId   the agency's id
 * @param occurredAt the day it closed
 */
@Revision("1")
@Label(de = "Stelle geschlossen", en = "Agency closed")
public record AgencyClosed(String agencyId, LocalDate occurredAt) implements DirectoryEvent {}
