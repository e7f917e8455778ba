package de.kiim.events.person;

import de.kiim.events.Category;
import de.kiim.events.DataCategory;
import de.kiim.events.Label;
import de.kiim.events.PersonEvent;
import de.kiim.events.PersonId;
import de.kiim.events.privacy.DataSubjectId;
import de.kiim.events.vocabulary.MunicipalityCode;
import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/**
 * The person left the district (<em>Wegzug aus dem Kreis</em>): responsibility passes to another district or
 * country. Support usually ends soon after; that is a step of its own ({@code SupportEnded}).
 *
 * @param occurredAt  the day of the move
 * @param destination the municipality moved to, when it is in Germany and known; {@code null} otherwise
 */
@Revision("1")
@Label(de = "Wegzug aus dem Kreis", en = "Moved out of the district")
@Category(DataCategory.BASE_DATA)
public record PersonMovedAway(@DataSubjectId PersonId personId, LocalDate occurredAt, MunicipalityCode destination)
        implements PersonEvent {}
