package de.kiim.events.targets;

import de.kiim.events.Label;
import de.kiim.events.vocabulary.TargetComparison;
import de.kiim.events.vocabulary.TargetReason;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * A target was set for an indicator's figure and an arrival cohort (<em>Zielvorgabe gesetzt</em>), e.g. a median of
 * at most 540 days from arrival to B1 for the cohort 2025.
 *
 * @param indicator  the indicator's name ({@code time-to-milestone})
 * @param options    the indicator's own parameters the target is for ({@code milestone=CEFR_B1})
 * @param figure     the figure of the cohort's total ({@code medianDays})
 * @param cohort     the arrival cohort, a year or a quarter
 * @param reason     on what the target rests
 * @param reference  the file or resolution number it rests on ({@code Drucksache 2025/117}), or null
 * @param occurredAt the day it was set
 */
@Revision("1")
@Label(de = "Zielvorgabe gesetzt", en = "Target set")
public record TargetSet(
        UUID targetId,
        String indicator,
        Map<String, String> options,
        String figure,
        String cohort,
        TargetComparison comparison,
        BigDecimal value,
        TargetReason reason,
        String reference,
        LocalDate occurredAt)
        implements TargetEvent {}
