package de.kiim.events.erasure;

import de.kiim.events.Category;
import de.kiim.events.DataCategory;
import de.kiim.events.Label;
import de.kiim.events.PersonEvent;
import de.kiim.events.PersonId;
import de.kiim.events.privacy.DataSubjectId;
import de.kiim.events.vocabulary.SupportEndReason;
import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/**
 * Support for the person ended (<em>Betreuung beendet</em>); their personal data is due for erasure once the
 * retention period of the reason has passed.
 *
 * @param occurredAt   the day support ended
 * @param erasureDueOn the day the person's data key is to be destroyed
 */
@Revision("1")
@Label(de = "Betreuung beendet", en = "Support ended")
@Category(DataCategory.BASE_DATA)
public record SupportEnded(
        @DataSubjectId PersonId personId, LocalDate occurredAt, SupportEndReason reason, LocalDate erasureDueOn)
        implements PersonEvent {}
