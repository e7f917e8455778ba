package de.kiim.command.residence;

import de.kiim.command.api.PersonCommand;
import de.kiim.events.PersonId;
import de.kiim.events.vocabulary.ResidenceStatus;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Record a new residence status (<em>Aufenthaltsstatus erfassen</em>). */
public record ChangeResidenceStatus(
        @TargetAggregateIdentifier PersonId personId,
        LocalDate occurredOn,
        ResidenceStatus status,
        LocalDate validUntil)
        implements PersonCommand {}
