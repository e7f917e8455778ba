package de.kiim.command.targets;

import de.kiim.events.vocabulary.TargetComparison;
import de.kiim.events.vocabulary.TargetReason;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

record SetTarget(
        @TargetAggregateIdentifier UUID targetId,
        String indicator,
        Map<String, String> options,
        String figure,
        String cohort,
        TargetComparison comparison,
        BigDecimal value,
        TargetReason reason,
        String reference,
        LocalDate occurredOn) {}
