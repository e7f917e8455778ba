package de.kiim.events.course;

import de.kiim.events.Category;
import de.kiim.events.DataCategory;
import de.kiim.events.Label;
import de.kiim.events.PersonId;
import de.kiim.events.privacy.DataSubjectId;
import de.kiim.events.vocabulary.CourseType;
import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * The person was enrolled in a language or orientation course (<em>Kursanmeldung</em>).
 *
 * @param enrolmentId    identifies this participation in later course events
 * @param occurredAt     the day of enrolment
 * @param startsOn       the first course day, may lie in the future
 * @param providerAgency the agency id of the course provider (<em>Kursträger</em>)
 */
@Revision("1")
@Label(de = "Kursanmeldung", en = "Enrolled in a course")
@Category(DataCategory.LANGUAGE)
public record CourseEnrolled(
        @DataSubjectId PersonId personId,
        UUID enrolmentId,
        LocalDate occurredAt,
        CourseType courseType,
        LocalDate startsOn,
        String providerAgency)
        implements CourseEvent {}
