package de.kiim.events.course;

import de.kiim.events.Category;
import de.kiim.events.DataCategory;
import de.kiim.events.Label;
import de.kiim.events.PersonId;
import de.kiim.events.privacy.DataSubjectId;
import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * The person went back to an interrupted course (<em>Wiedereinstieg</em>).
 *
 * @param occurredAt the first day back
 */
@Revision("1")
@Label(de = "Kurs wieder aufgenommen", en = "Course resumed")
@Category(DataCategory.LANGUAGE)
public record CourseResumed(@DataSubjectId PersonId personId, UUID enrolmentId, LocalDate occurredAt)
        implements CourseEvent {}
