package de.kiim.command.course;

import de.kiim.command.api.PersonCommand;
import de.kiim.events.PersonId;
import de.kiim.events.vocabulary.CourseType;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Enrol the person in a course (<em>Kursanmeldung erfassen</em>). */
public record EnrolInCourse(
        @TargetAggregateIdentifier PersonId personId,
        UUID enrolmentId,
        LocalDate occurredOn,
        CourseType courseType,
        LocalDate startsOn,
        String providerAgency)
        implements PersonCommand {

    @Override
    public List<LocalDate> datesToCheck() {
        return List.of(occurredOn, startsOn);
    }
}
