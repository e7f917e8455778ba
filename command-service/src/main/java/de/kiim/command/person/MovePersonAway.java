package de.kiim.command.person;

import de.kiim.command.api.PersonCommand;
import de.kiim.events.PersonId;
import de.kiim.events.vocabulary.MunicipalityCode;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Record that the person left the district (<em>Wegzug erfassen</em>). */
public record MovePersonAway(
        @TargetAggregateIdentifier PersonId personId, LocalDate occurredOn, MunicipalityCode destination)
        implements PersonCommand {}
