package de.kiim.command.person;

import de.kiim.command.api.PersonCommand;
import de.kiim.events.PersonId;
import de.kiim.events.vocabulary.MunicipalityCode;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Record a move within the district (<em>Umzug erfassen</em>). */
public record MovePerson(
        @TargetAggregateIdentifier PersonId personId, LocalDate occurredOn, MunicipalityCode municipality)
        implements PersonCommand {}
