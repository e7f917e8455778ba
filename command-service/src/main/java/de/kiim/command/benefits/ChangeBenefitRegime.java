package de.kiim.command.benefits;

import de.kiim.command.api.PersonCommand;
import de.kiim.events.PersonId;
import de.kiim.events.vocabulary.BenefitRegime;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Record that the person now receives benefits under another regime (<em>Rechtskreiswechsel erfassen</em>). */
public record ChangeBenefitRegime(
        @TargetAggregateIdentifier PersonId personId, LocalDate occurredOn, BenefitRegime regime)
        implements PersonCommand {}
