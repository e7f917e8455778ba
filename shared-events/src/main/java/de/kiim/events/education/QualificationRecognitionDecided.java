package de.kiim.events.education;

import de.kiim.events.Category;
import de.kiim.events.DataCategory;
import de.kiim.events.Label;
import de.kiim.events.PersonEvent;
import de.kiim.events.PersonId;
import de.kiim.events.privacy.DataSubjectId;
import de.kiim.events.vocabulary.KldbCode;
import de.kiim.events.vocabulary.RecognitionOutcome;
import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/**
 * The competent body decided on the recognition of a foreign professional qualification
 * (<em>Anerkennungsentscheidung</em>).
 *
 * @param occurredAt          the day of the decision
 * @param referenceOccupation the German reference occupation the qualification was compared with
 */
@Revision("1")
@Label(de = "Anerkennung entschieden", en = "Recognition of a qualification decided")
@Category(DataCategory.EDUCATION)
public record QualificationRecognitionDecided(
        @DataSubjectId PersonId personId,
        LocalDate occurredAt,
        KldbCode referenceOccupation,
        RecognitionOutcome outcome)
        implements PersonEvent {}
