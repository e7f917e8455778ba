package de.kiim.events.employment;

import de.kiim.events.Category;
import de.kiim.events.DataCategory;
import de.kiim.events.Label;
import de.kiim.events.PersonEvent;
import de.kiim.events.PersonId;
import de.kiim.events.privacy.DataSubjectId;
import de.kiim.events.vocabulary.EmploymentEndReason;
import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * A job or apprenticeship ended (<em>Beschäftigungsende</em>).
 *
 * @param occurredAt the last working day
 */
@Revision("1")
@Label(de = "Beschäftigung beendet", en = "Employment ended")
@Category(DataCategory.EMPLOYMENT)
public record EmploymentEnded(
        @DataSubjectId PersonId personId, UUID employmentId, LocalDate occurredAt, EmploymentEndReason reason)
        implements PersonEvent {}
