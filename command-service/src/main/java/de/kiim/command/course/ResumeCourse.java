package de.kiim.command.course;

import de.kiim.events.PersonId;
import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Record that the person went back to an interrupted course (<em>Wiedereinstieg erfassen</em>). */
public record ResumeCourse(@TargetAggregateIdentifier PersonId personId, UUID enrolmentId, LocalDate occurredOn)
        implements CourseCommand {}
