package de.kiim.command.employment;

import de.kiim.command.api.PersonCommand;
import de.kiim.events.PersonId;
import de.kiim.events.vocabulary.EmploymentKind;
import de.kiim.events.vocabulary.KldbCode;
import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Record that the person took up work (<em>Arbeitsaufnahme erfassen</em>). */
public record StartEmployment(
        @TargetAggregateIdentifier PersonId personId,
        UUID employmentId,
        LocalDate occurredOn,
        KldbCode occupation,
        EmploymentKind kind,
        Integer weeklyHours)
        implements PersonCommand {}
