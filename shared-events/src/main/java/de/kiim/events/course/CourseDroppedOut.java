package de.kiim.events.course;

import de.kiim.events.Category;
import de.kiim.events.DataCategory;
import de.kiim.events.Label;
import de.kiim.events.PersonId;
import de.kiim.events.privacy.DataSubjectId;
import de.kiim.events.vocabulary.DropOutReason;
import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * The person left a course for good before its end (<em>Kursabbruch</em>).
 *
 * @param occurredAt the last day attended
 */
@Revision("1")
@Label(de = "Kurs abgebrochen", en = "Dropped out of a course")
@Category(DataCategory.LANGUAGE)
public record CourseDroppedOut(
        @DataSubjectId PersonId personId, UUID enrolmentId, LocalDate occurredAt, DropOutReason reason)
        implements CourseEvent {}
