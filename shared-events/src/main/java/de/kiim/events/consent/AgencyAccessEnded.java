package de.kiim.events.consent;

import de.kiim.events.Category;
import de.kiim.events.DataCategory;
import de.kiim.events.Label;
import de.kiim.events.PersonEvent;
import de.kiim.events.PersonId;
import de.kiim.events.privacy.DataSubjectId;
import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/**
 * An agency's access to the person's case, granted by {@code CaseSharedWithAgency}, ended
 * (<em>Ende der Fallfreigabe</em>).
 *
 * @param occurredAt the day access ends
 * @param agency     the id of the agency whose access ends
 */
@Revision("1")
@Label(de = "Zugriff einer Stelle beendet", en = "Agency access ended")
@Category(DataCategory.CONSENT)
public record AgencyAccessEnded(@DataSubjectId PersonId personId, LocalDate occurredAt, String agency)
        implements PersonEvent {}
