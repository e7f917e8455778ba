package de.kiim.command.course;

import de.kiim.events.PersonId;
import de.kiim.events.vocabulary.DropOutReason;
import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Record that the person left a course for good (<em>Kursabbruch erfassen</em>). */
public record DropOutOfCourse(
        @TargetAggregateIdentifier PersonId personId, UUID enrolmentId, LocalDate occurredOn, DropOutReason reason)
        implements CourseCommand {}
