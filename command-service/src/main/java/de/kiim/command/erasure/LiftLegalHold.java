package de.kiim.command.erasure;

import de.kiim.events.PersonId;
import de.kiim.events.vocabulary.LegalHoldGround;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Lift a legal hold that no longer applies. */
public record LiftLegalHold(@TargetAggregateIdentifier PersonId personId, LocalDate liftedOn, LegalHoldGround ground) {}
