package de.kiim.events.directory;

import de.kiim.events.Label;
import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/**
 * An agency of the directory has a new name (<em>Stelle umbenannt</em>); its id, kind and entitlements stay.
 *
 * @param agencyId   the agency's id
 * @param name       its new name
 * @param occurredAt the day of the change
 */
@Revision("1")
@Label(de = "Stelle umbenannt", en = "Agency renamed")
public record AgencyRenamed(String agencyId, String name, LocalDate occurredAt) implements DirectoryEvent {}
