package de.kiim.command.erasure;

import de.kiim.events.PersonId;
import de.kiim.events.vocabulary.SupportEndReason;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Destroy the person's data key now (crypto-shredding), unless a legal hold applies. */
public record ErasePersonData(
        @TargetAggregateIdentifier PersonId personId, LocalDate erasedOn, SupportEndReason reason) {}
