package de.kiim.command.consent;

import de.kiim.command.api.PersonCommand;
import de.kiim.events.PersonId;
import de.kiim.events.vocabulary.ConsentPurpose;
import de.kiim.events.vocabulary.LegalBasis;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Record a consent (<em>Einwilligung erfassen</em>). */
public record GiveConsent(
        @TargetAggregateIdentifier PersonId personId,
        LocalDate occurredOn,
        ConsentPurpose purpose,
        String recipientAgency,
        LegalBasis legalBasis,
        String evidenceReference)
        implements PersonCommand {}
