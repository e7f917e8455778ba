package de.kiim.query.indicators;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

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

    /** The longest description the access log keeps. */
    static final int DESCRIPTION_LENGTH = 300;

    /**
     * What was asked, for the access log: the indicator and every parameter as it was understood — codes and days,
     * never a figure — so that an auditor can see series of requests.
     */
    String describe(String indicator) {
        StringBuilder text = new StringBuilder(indicator)
                .append(" referenceDate=")
                .append(referenceDate)
                .append(" asOf=")
                .append(asOf);
        if (cohort != null) {
            text.append(" cohort=").append(cohort);
        }
        if (!groupBy.isEmpty()) {
            text.append(" groupBy=")
                    .append(String.join(
                            ",", groupBy.stream().map(Dimension::parameter).toList()));
        }
        filters.forEach((dimension, values) -> {
            if (dimension.filterable()) {
                text.append(' ')
                        .append(dimension.parameter())
                        .append('=')
                        .append(String.join(",", new TreeSet<>(values)));
            }
        });
        new TreeMap<>(options)
                .forEach((name, value) ->
                        text.append(' ').append(name).append('=').append(value));
        return text.length() <= DESCRIPTION_LENGTH ? text.toString() : text.substring(0, DESCRIPTION_LENGTH - 1) + "…";
    }

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
