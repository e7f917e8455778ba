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
 * The person moved to another municipality of the district, or within one (<em>Umzug innerhalb des Kreises</em>).
 * Only the municipality is recorded: it stays in clear for statistics; an address would be personal data.
 *
 * @param occurredAt the day of the move
 */
@Revision("1")
@Label(de = "Umzug innerhalb des Kreises", en = "Moved within the district")
@Category(DataCategory.BASE_DATA)
public record PersonMovedWithinDistrict(
        @DataSubjectId PersonId personId, LocalDate occurredAt, MunicipalityCode municipality) implements PersonEvent {}
