package de.kiim.web.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * An indicator's table as published: per cell its group ({@code group}, {@code groupLabels}), {@code persons},
 * {@code suppressed} and the indicator's figures, a withheld figure null and named in {@code suppressedFigures}.
 */
public record IndicatorTable(
        String indicator,
        String title,
        LocalDate referenceDate,
        Instant asOf,
        String cohort,
        List<String> groupBy,
        IndicatorCatalogue.Protection disclosureControl,
        List<Map<String, Object>> cells,
        Map<String, Object> total,
        List<Map<String, Object>> targets) {

    /** Whether {@code figure} of {@code cell} is withheld: the whole cell, or that figure of it. */
    public static boolean withheld(Map<String, Object> cell, String figure) {
        if (Boolean.TRUE.equals(cell.get("suppressed")) && "persons".equals(figure)) {
            return true;
        }
        return cell.get("suppressedFigures") instanceof List<?> names && names.contains(figure)
                || cell.get(figure) == null && Boolean.TRUE.equals(cell.get("suppressed"));
    }
}
