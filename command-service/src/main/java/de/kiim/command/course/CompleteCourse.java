package de.kiim.command.course;

import de.kiim.events.PersonId;
import de.kiim.events.vocabulary.CefrLevel;
import de.kiim.events.vocabulary.ExamResult;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Record that the person finished a course, with exam results (<em>Kursabschluss erfassen</em>). */
public record CompleteCourse(
        @TargetAggregateIdentifier PersonId personId,
        UUID enrolmentId,
        LocalDate occurredOn,
        List<ExamResult> examResults,
        CefrLevel levelReached)
        implements CourseCommand {}
