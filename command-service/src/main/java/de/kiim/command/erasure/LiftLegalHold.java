package de.kiim.command.erasure;

import de.kiim.events.PersonId;
import de.kiim.events.vocabulary.LegalHoldGround;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** Lift a legal hold that no longer applies. */
public record LiftLegalHold(@TargetAggregateIdentifier PersonId personId, LocalDate liftedOn, LegalHoldGround ground) {
}
