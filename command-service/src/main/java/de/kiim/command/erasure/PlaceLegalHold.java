package de.kiim.command.erasure;

import de.kiim.events.PersonId;
import de.kiim.events.vocabulary.LegalHoldGround;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** Block erasure of a person's data on an Art. 17(3) GDPR ground. */
public record PlaceLegalHold(@TargetAggregateIdentifier PersonId personId, LocalDate placedOn, LegalHoldGround ground) {
}
