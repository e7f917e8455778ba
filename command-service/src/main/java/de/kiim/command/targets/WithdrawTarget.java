package de.kiim.command.targets;

import de.kiim.events.vocabulary.TargetReason;
import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

record WithdrawTarget(
        @TargetAggregateIdentifier UUID targetId, TargetReason reason, String reference, LocalDate occurredOn) {}
