package de.kiim.events.course;

import de.kiim.events.Category;
import de.kiim.events.DataCategory;
import de.kiim.events.Label;
import de.kiim.events.PersonId;
import de.kiim.events.privacy.DataSubjectId;
import de.kiim.events.vocabulary.CefrLevel;
import de.kiim.events.vocabulary.ExamResult;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * The person finished a course (<em>Kursabschluss</em>), with the results of its final exams if they took them.
 *
 * @param occurredAt   the last course day or the exam day
 * @param examResults  at most one result per exam, empty when no exam was taken
 * @param levelReached the CEFR level certified, {@code null} when none was
 */
@Revision("1")
@Label(de = "Kurs abgeschlossen", en = "Course completed")
@Category(DataCategory.LANGUAGE)
public record CourseCompleted(
        @DataSubjectId PersonId personId,
        UUID enrolmentId,
        LocalDate occurredAt,
        List<ExamResult> examResults,
        CefrLevel levelReached)
        implements CourseEvent {}
