package de.kiim.events.directory;

import de.kiim.events.Label;
import de.kiim.events.vocabulary.AgencyKind;
import de.kiim.events.vocabulary.MunicipalityCode;
import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/**
 * An agency joined the directory (<em>Stelle aufgenommen</em>); it sees the persons its kind is linked to from then
 * on, those recorded before it included.
 *
 * @param agencyId     the agency's id, as its users and commands name it
 * @param name         the agency's name
 * @param kind         what kind of institution it is: decides its entitlements
 * @param municipality the municipality of its seat
 * @param occurredAt   the day it joined
 */
@Revision("1")
@Label(de = "Stelle aufgenommen", en = "Agency added")
public record AgencyAdded(
        String agencyId, String name, AgencyKind kind, MunicipalityCode municipality, LocalDate occurredAt)
        implements DirectoryEvent {}
