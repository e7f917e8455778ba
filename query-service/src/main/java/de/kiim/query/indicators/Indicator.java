package de.kiim.query.indicators;

import de.kiim.events.vocabulary.Vocabulary.Labels;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * One indicator of docs/indicators.md: who it counts at the reference date, and the figures of a group of them.
 * Counts go through disclosure control as {@link Tally}s; statistics name how many persons they rest on.
 */
interface Indicator {

    /** The name in {@code /api/v1/indicators/{name}}. */
    String name();

    Labels title();

    Labels definition();

    /** The figures of a cell besides {@code persons}, in the order they are shown. */
    List<Figure> figures();

    /** Parameters of this indicator's own, all required: checked and passed on in {@link IndicatorQuery#options}. */
    default List<Parameter> parameters() {
        return List.of();
    }

    /** Dimensions the indicator always groups by, before those of the query. */
    default List<Dimension> groupedBy() {
        return List.of();
    }

    /** A parameter of one indicator: its name, what it accepts in words, and the check. */
    record Parameter(String name, String accepts, Predicate<String> valid) {}

    /** Whether the person belongs to the indicator's population on the query's reference date. */
    boolean counts(Path person, IndicatorQuery query);

    /**
     * What the indicator groups and counts of a person: the person if {@link #counts}; an indicator of course
     * episodes gives one view of the person per course ({@link Path#perCourseBy}), grouped by that course's type.
     */
    default List<Path> units(Path person, IndicatorQuery query) {
        return counts(person, query) ? List.of(person) : List.of();
    }

    /** The true figures of a group of units, before disclosure control. */
    Figures compute(List<Path> units, IndicatorQuery query);

    /** A figure: its name in JSON, its column header, and what kind of number it is. */
    record Figure(String name, Labels header, Kind kind) {
        enum Kind {
            COUNT,
            DAYS,
            SHARE
        }
    }

    /**
     * A statistic, the number of persons it rests on, and the count of the cell it is computed from, if any: it is
     * withheld when it rests on fewer than k persons or when that count is withheld, and null when not defined (a
     * median never reached).
     */
    record Statistic(Number value, long basis, String restsOn) {

        Statistic(Number value, long basis) {
            this(value, basis, null);
        }

        /**
         * A share, rounded so that it cannot give the cell's exact count away: to five percentage points below 100
         * persons, to one from then on. It rests on the fewer of those in and those outside it.
         */
        static Statistic share(double share, long persons, long inside, String restsOn) {
            double step = persons < 100 ? 0.05 : 0.01;
            double rounded = Math.round(share / step) * step;
            return new Statistic(Math.round(rounded * 100) / 100.0, Math.min(inside, persons - inside), restsOn);
        }
    }

    /**
     * A share of two counts of the same cell, computed from their published (perturbed) values, as the statistical
     * offices do: the exact share would undo the noise.
     */
    record Ratio(String numerator, String denominator) {}

    /** The true figures of one cell, by figure name. */
    final class Figures {
        final Map<String, Tally> counts = new LinkedHashMap<>();
        final Map<String, Statistic> statistics = new LinkedHashMap<>();
        final Map<String, Ratio> ratios = new LinkedHashMap<>();
    }
}
