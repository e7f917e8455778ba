package de.kiim.command.course;

import de.kiim.events.PersonId;
import de.kiim.events.vocabulary.InterruptionReason;
import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Record that the person paused a course (<em>Kursunterbrechung erfassen</em>). */
public record InterruptCourse(
        @TargetAggregateIdentifier PersonId personId, UUID enrolmentId, LocalDate occurredOn, InterruptionReason reason)
        implements CourseCommand {}
