package de.kiim.query.indicators;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An indicator request, checked.
 *
 * @param cohort      the arrival cohort as asked ({@code 2024}, {@code 2024-Q3}, {@code 2023-Q1..2024-Q2}), or null
 *                    for every entry up to the reference date
 * @param enteredFrom the first entry day of the cohort
 * @param enteredTo   the last entry day of the cohort
 * @param filters     per dimension, the values a person must have one of
 * @param options     the indicator's own parameters
 */
record IndicatorQuery(
        LocalDate referenceDate,
        Instant asOf,
        String cohort,
        LocalDate enteredFrom,
        LocalDate enteredTo,
        List<Dimension> groupBy,
        Map<Dimension, Set<String>> filters,
        Map<String, String> options) {

    /** Whether the person has one of the filtered values of every filtered dimension but {@code except}. */
    boolean passesFilters(Path person, Dimension except) {
        for (Map.Entry<Dimension, Set<String>> filter : filters.entrySet()) {
            if (filter.getKey() != except
                    && !filter.getValue().contains(filter.getKey().valueOf(person, referenceDate))) {
                return false;
            }
        }
        return true;
    }
}
