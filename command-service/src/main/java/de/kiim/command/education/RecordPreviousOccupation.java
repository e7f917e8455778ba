package de.kiim.command.education;

import de.kiim.command.api.PersonCommand;
import de.kiim.events.PersonId;
import de.kiim.events.vocabulary.CountryCode;
import de.kiim.events.vocabulary.KldbCode;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Record an occupation practised before coming to Germany (<em>Vorberuf erfassen</em>). */
public record RecordPreviousOccupation(
        @TargetAggregateIdentifier PersonId personId,
        LocalDate occurredOn,
        KldbCode occupation,
        Integer years,
        CountryCode country)
        implements PersonCommand {}
