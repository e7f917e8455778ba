package de.kiim.events.counselling;

import de.kiim.events.Category;
import de.kiim.events.DataCategory;
import de.kiim.events.Label;
import de.kiim.events.PersonEvent;
import de.kiim.events.PersonId;
import de.kiim.events.privacy.DataSubjectId;
import de.kiim.events.privacy.PersonalData;
import de.kiim.events.vocabulary.CounsellingTopic;
import java.time.LocalDate;
import java.util.Set;
import org.axonframework.serialization.Revision;

/**
 * A counselling session took place (<em>Beratungsgespräch</em>). The topics are categories for statistics; the
 * agreed next steps are short free text and always personal data.
 *
 * @param occurredAt      the day of the session
 * @param topics          what it was about, at least one
 * @param agreedNextSteps what was agreed, {@code null} when nothing was
 */
@Revision("1")
@Label(de = "Beratungsgespräch", en = "Counselling session held")
@Category(DataCategory.COUNSELLING)
public record CounsellingSessionHeld(
        @DataSubjectId PersonId personId,
        LocalDate occurredAt,
        Set<CounsellingTopic> topics,
        @PersonalData String agreedNextSteps)
        implements PersonEvent {}
