package de.kiim.command.erasure;

import de.kiim.events.PersonId;
import de.kiim.events.vocabulary.LegalHoldGround;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Block erasure of a person's data on an Art. 17(3) GDPR ground. */
public record PlaceLegalHold(
        @TargetAggregateIdentifier PersonId personId, LocalDate placedOn, LegalHoldGround ground) {}
