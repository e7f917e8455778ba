package de.kiim.command.consent;

import de.kiim.command.api.PersonCommand;
import de.kiim.events.PersonId;
import de.kiim.events.vocabulary.ConsentPurpose;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Record the withdrawal of a consent (<em>Widerruf erfassen</em>). */
public record WithdrawConsent(
        @TargetAggregateIdentifier PersonId personId,
        LocalDate occurredOn,
        ConsentPurpose purpose,
        String recipientAgency)
        implements PersonCommand {}
