package de.kiim.events.employment;

import de.kiim.events.Category;
import de.kiim.events.DataCategory;
import de.kiim.events.Label;
import de.kiim.events.PersonEvent;
import de.kiim.events.PersonId;
import de.kiim.events.privacy.DataSubjectId;
import de.kiim.events.vocabulary.EmploymentKind;
import de.kiim.events.vocabulary.KldbCode;
import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * The person took up work or an apprenticeship (<em>Arbeitsaufnahme</em>).
 *
 * @param employmentId identifies this employment in its {@code EmploymentEnded}
 * @param occurredAt   the first working day
 * @param weeklyHours  agreed working hours per week, {@code null} when unknown
 */
@Revision("1")
@Label(de = "Arbeitsaufnahme", en = "Employment started")
@Category(DataCategory.EMPLOYMENT)
public record EmploymentStarted(
        @DataSubjectId PersonId personId,
        UUID employmentId,
        LocalDate occurredAt,
        KldbCode occupation,
        EmploymentKind kind,
        Integer weeklyHours)
        implements PersonEvent {}
