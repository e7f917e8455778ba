package de.kiim.events.course;

import de.kiim.events.Category;
import de.kiim.events.DataCategory;
import de.kiim.events.Label;
import de.kiim.events.PersonId;
import de.kiim.events.privacy.DataSubjectId;
import de.kiim.events.vocabulary.InterruptionReason;
import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * The person paused a course they are enrolled in (<em>Kursunterbrechung</em>); it can be resumed.
 *
 * @param occurredAt the first day missed
 */
@Revision("1")
@Label(de = "Kurs unterbrochen", en = "Course interrupted")
@Category(DataCategory.LANGUAGE)
public record CourseInterrupted(
        @DataSubjectId PersonId personId, UUID enrolmentId, LocalDate occurredAt, InterruptionReason reason)
        implements CourseEvent {}
