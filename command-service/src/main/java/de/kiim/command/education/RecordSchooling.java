package de.kiim.command.education;

import de.kiim.command.api.PersonCommand;
import de.kiim.events.PersonId;
import de.kiim.events.vocabulary.CountryCode;
import de.kiim.events.vocabulary.IscedLevel;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Record the person's school education (<em>Schulbildung erfassen</em>). */
public record RecordSchooling(
        @TargetAggregateIdentifier PersonId personId,
        LocalDate occurredOn,
        IscedLevel level,
        Integer years,
        CountryCode country)
        implements PersonCommand {}
