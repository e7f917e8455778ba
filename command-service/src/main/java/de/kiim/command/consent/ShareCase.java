package de.kiim.command.consent;

import de.kiim.command.api.PersonCommand;
import de.kiim.events.PersonId;
import de.kiim.events.vocabulary.LegalBasis;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Share the person's case with an agency on a legal basis (<em>Fall freigeben</em>). */
public record ShareCase(
        @TargetAggregateIdentifier PersonId personId, LocalDate occurredOn, String agency, LegalBasis legalBasis)
        implements PersonCommand {}
