package de.kiim.query.indicators;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

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
        Map<String, Object> total) {

    /** How the table is protected, so that every reader of it can state the method and k. */
    record Protection(int minimumCellSize, int maximumDeviation, String method) {}
}
