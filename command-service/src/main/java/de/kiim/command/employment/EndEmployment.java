package de.kiim.command.employment;

import de.kiim.events.PersonId;
import de.kiim.events.vocabulary.EmploymentEndReason;
import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Record that a job or apprenticeship ended (<em>Beschäftigungsende erfassen</em>). */
public record EndEmployment(
        @TargetAggregateIdentifier PersonId personId,
        UUID employmentId,
        LocalDate occurredOn,
        EmploymentEndReason reason)
        implements EmploymentCommand {}
