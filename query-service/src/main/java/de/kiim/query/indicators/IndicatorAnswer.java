package de.kiim.query.indicators;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * An indicator's table as published: every count perturbed, every withheld figure null and named.
 *
 * @param cells one per group, each {@code {"group": {…}, "groupLabels": {…}, "persons": n, "suppressed": bool,
 *              …figures, "suppressedFigures": […]}}
 * @param total the same for all persons of the table
 */
record IndicatorAnswer(
        String indicator,
        String title,
        LocalDate referenceDate,
        Instant asOf,
        String cohort,
        List<String> groupBy,
        Map<String, List<String>> filters,
        Map<String, String> options,
        Protection disclosureControl,
        List<Map<String, Object>> cells,
        Map<String, Object> total,
        List<TargetStatus> targets) {

    /**
     * A target for the cohort's total and how far the published figure is from it: {@code distance} is figure minus
     * target (negative below it), {@code met} whether it is on the target's side; both null while the figure is
     * withheld or not defined.
     */
    record TargetStatus(
            UUID targetId,
            String figure,
            String comparison,
            BigDecimal value,
            String reason,
            String reference,
            LocalDate setOn,
            Number actual,
            BigDecimal distance,
            Boolean met) {}

    /** How the table is protected, so that every reader of it can state the method and k. */
    record Protection(int minimumCellSize, int maximumDeviation, String method) {}
}
