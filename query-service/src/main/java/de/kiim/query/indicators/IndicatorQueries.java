package de.kiim.query.indicators;

import de.kiim.platform.web.FieldProblem;
import de.kiim.platform.web.InvalidRequest;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.util.MultiValueMap;

/**
 * Reads an indicator request's parameters, refusing what it cannot answer as it was meant: an unknown parameter (a
 * misspelt filter would otherwise widen the table unnoticed), a value of the wrong kind, a future day, more than
 * three dimensions. Cohorts are whole years or quarters, never days, so that two cohorts cannot differ by one
 * person's arrival day.
 */
@Component
class IndicatorQueries {

    static final int MAX_DIMENSIONS = 3;
    static final String REFERENCE_DATE = "referenceDate";
    static final String AS_OF = "asOf";
    static final String COHORT = "cohort";
    static final String FROM = "from";
    static final String TO = "to";
    static final String GROUP_BY = "groupBy";
    /** An alternative to {@code Accept: text/csv}, for links. */
    static final String FORMAT = "format";

    private static final int FIRST_YEAR = Period.FIRST_YEAR;
    /** The district's calendar: "today" for a reference date is today in Germany. */
    private static final ZoneId DISTRICT = ZoneId.of("Europe/Berlin");

    private final Clock clock;

    IndicatorQueries(Clock clock) {
        this.clock = clock;
    }

    IndicatorQuery read(Indicator indicator, MultiValueMap<String, String> parameters) {
        List<FieldProblem> problems = new ArrayList<>();
        Set<String> known = new LinkedHashSet<>(List.of(REFERENCE_DATE, AS_OF, COHORT, FROM, TO, GROUP_BY, FORMAT));
        indicator.parameters().forEach(parameter -> known.add(parameter.name()));
        Arrays.stream(Dimension.values())
                .filter(Dimension::filterable)
                .forEach(dimension -> known.add(dimension.parameter()));
        // A name is echoed only when it looks like a parameter's: it is input, and could be anything.
        parameters.keySet().stream()
                .filter(name -> !known.contains(name))
                .map(name -> name.matches("[A-Za-z]{1,40}") ? name : "query")
                .distinct()
                .sorted()
                .forEach(name -> problems.add(new FieldProblem(name, "is not a parameter of this indicator")));
        parameters.forEach((name, values) -> {
            if (known.contains(name) && !isList(name) && values.size() > 1) {
                problems.add(new FieldProblem(name, "must be given once"));
            }
        });

        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, DISTRICT);
        LocalDate referenceDate = referenceDate(parameters.getFirst(REFERENCE_DATE), today, problems);
        Instant asOf = asOf(parameters.getFirst(AS_OF), now, problems);
        List<Dimension> groupBy = groupBy(values(parameters, GROUP_BY), problems);
        Map<Dimension, Set<String>> filters = filters(parameters, problems);
        Map<String, String> options = new LinkedHashMap<>();
        for (Indicator.Parameter parameter : indicator.parameters()) {
            String value = parameters.getFirst(parameter.name());
            if (value == null) {
                problems.add(new FieldProblem(parameter.name(), "is required: " + parameter.accepts()));
            } else if (!parameter.valid().test(value)) {
                problems.add(new FieldProblem(parameter.name(), "must be " + parameter.accepts()));
            } else {
                options.put(parameter.name(), value);
            }
        }

        String cohort = parameters.getFirst(COHORT);
        String from = parameters.getFirst(FROM);
        String to = parameters.getFirst(TO);
        LocalDate enteredFrom = LocalDate.of(FIRST_YEAR, 1, 1);
        LocalDate enteredTo = referenceDate;
        String cohortName = null;
        if (cohort != null && (from != null || to != null)) {
            problems.add(new FieldProblem(COHORT, "give either cohort or from and to, not both"));
        } else if (cohort != null) {
            LocalDate[] period = period(COHORT, cohort, problems);
            if (period != null) {
                enteredFrom = period[0];
                enteredTo = period[1];
                cohortName = cohort;
            }
        } else if (from != null || to != null) {
            LocalDate[] first = from == null ? null : period(FROM, from, problems);
            LocalDate[] last = to == null ? null : period(TO, to, problems);
            if (first != null) {
                enteredFrom = first[0];
            }
            if (last != null) {
                enteredTo = last[1];
            }
            if (first != null && last != null && first[0].isAfter(last[1])) {
                problems.add(new FieldProblem(TO, "must not lie before from"));
            }
            cohortName = (from == null ? "" : from) + ".." + (to == null ? "" : to);
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequest(problems.toArray(FieldProblem[]::new));
        }
        if (cohortName == null) {
            return new IndicatorQuery(
                    referenceDate, asOf, null, enteredFrom, enteredTo, groupBy, filters, Map.copyOf(options));
        }
        boolean quarters = cohortName.contains("-Q");
        return cohorts(
                referenceDate,
                asOf,
                cohortName,
                enteredFrom,
                enteredTo,
                quarters,
                groupBy,
                filters,
                Map.copyOf(options));
    }

    /**
     * A query for the cohorts that entered from {@code first} to {@code last}. The cohort is a filter on the year (or
     * quarter) of entry over a wider population — every entry for years, the years it touches for quarters — so
     * that differencing by cohorts is withheld like differencing by any filter (FilterDifferencing): a range that
     * leaves out, or takes in, a year or quarter of 1 to k − 1 persons does not publish them.
     */
    static IndicatorQuery cohorts(
            LocalDate referenceDate,
            Instant asOf,
            String name,
            LocalDate first,
            LocalDate last,
            boolean quarters,
            List<Dimension> groupBy,
            Map<Dimension, Set<String>> filters,
            Map<String, String> options) {
        Set<String> selected = new LinkedHashSet<>();
        Dimension entry = quarters ? Dimension.ENTRY_QUARTER : Dimension.COHORT;
        for (LocalDate day = first; !day.isAfter(last); day = day.plusMonths(quarters ? 3 : 12)) {
            selected.add(quarters ? Dimension.quarterOf(day) : Integer.toString(day.getYear()));
        }
        Map<Dimension, Set<String>> withCohort = new LinkedHashMap<>(filters);
        withCohort.put(entry, Set.copyOf(selected));
        LocalDate from = quarters ? first.withDayOfYear(1) : LocalDate.of(FIRST_YEAR, 1, 1);
        LocalDate to = quarters ? last.withMonth(12).withDayOfMonth(31) : referenceDate;
        return new IndicatorQuery(referenceDate, asOf, name, from, to, groupBy, withCohort, options);
    }

    private static boolean isList(String name) {
        return name.equals(GROUP_BY) || Dimension.byParameter(name).isPresent();
    }

    /** Repeated parameters and comma-separated values alike. */
    private static List<String> values(MultiValueMap<String, String> parameters, String name) {
        List<String> values = new ArrayList<>();
        for (String value : parameters.getOrDefault(name, List.of())) {
            Arrays.stream(value.split(",", -1)).map(String::trim).forEach(values::add);
        }
        return values;
    }

    private static LocalDate referenceDate(String value, LocalDate today, List<FieldProblem> problems) {
        if (value == null) {
            return today;
        }
        try {
            LocalDate day = LocalDate.parse(value);
            if (day.isAfter(today)) {
                problems.add(new FieldProblem(REFERENCE_DATE, "must not lie in the future"));
            } else if (day.getYear() < FIRST_YEAR) {
                problems.add(new FieldProblem(REFERENCE_DATE, "must not lie before " + FIRST_YEAR));
            }
            return day;
        } catch (DateTimeParseException e) {
            problems.add(new FieldProblem(REFERENCE_DATE, "must be a date (YYYY-MM-DD)"));
            return today;
        }
    }

    /**
     * {@code asOf} as given, down to the start of its day in the district, or now; a problem for one in the future,
     * before 1900 or not a date-time. Whole days: two times a second apart would differ by one recorded event.
     */
    static Instant asOf(String value, Instant now, List<FieldProblem> problems) {
        if (value == null) {
            return now;
        }
        try {
            Instant asOf = OffsetDateTime.parse(value)
                    .atZoneSameInstant(DISTRICT)
                    .toLocalDate()
                    .atStartOfDay(DISTRICT)
                    .toInstant();
            if (asOf.isAfter(now)) {
                problems.add(new FieldProblem(AS_OF, "must not lie in the future"));
            } else if (asOf.isBefore(Instant.parse(FIRST_YEAR + "-01-01T00:00:00Z"))) {
                problems.add(new FieldProblem(AS_OF, "must not lie before " + FIRST_YEAR));
            }
            return asOf;
        } catch (DateTimeParseException e) {
            problems.add(new FieldProblem(AS_OF, "must be a date-time with offset (e.g. 2025-12-31T23:59:59Z)"));
            return now;
        }
    }

    private static List<Dimension> groupBy(List<String> names, List<FieldProblem> problems) {
        List<Dimension> dimensions = new ArrayList<>();
        for (String name : names) {
            Dimension.byParameter(name)
                    .filter(Dimension::groupable)
                    .ifPresentOrElse(
                            dimension -> {
                                if (dimensions.contains(dimension)) {
                                    problems.add(new FieldProblem(GROUP_BY, "names a dimension twice"));
                                } else {
                                    dimensions.add(dimension);
                                }
                            },
                            () -> problems.add(new FieldProblem(
                                    GROUP_BY,
                                    "must name dimensions among "
                                            + String.join(
                                                    ", ",
                                                    Arrays.stream(Dimension.values())
                                                            .filter(Dimension::groupable)
                                                            .map(Dimension::parameter)
                                                            .toList()))));
        }
        if (dimensions.size() > MAX_DIMENSIONS) {
            problems.add(new FieldProblem(GROUP_BY, "may name at most " + MAX_DIMENSIONS + " dimensions"));
        }
        return List.copyOf(dimensions);
    }

    private static Map<Dimension, Set<String>> filters(
            MultiValueMap<String, String> parameters, List<FieldProblem> problems) {
        Map<Dimension, Set<String>> filters = new LinkedHashMap<>();
        for (Dimension dimension : Dimension.values()) {
            if (!dimension.filterable() || !parameters.containsKey(dimension.parameter())) {
                continue;
            }
            Set<String> accepted = new LinkedHashSet<>();
            for (String code : values(parameters, dimension.parameter())) {
                if (dimension.accepts(code)) {
                    accepted.add(code);
                } else {
                    problems.add(new FieldProblem(dimension.parameter(), "is not a known code of this dimension"));
                }
            }
            filters.put(dimension, Set.copyOf(accepted));
        }
        return filters;
    }

    /** The first and last day of {@code 2024} or {@code 2024-Q3}: cohorts are never months. */
    private static LocalDate[] period(String name, String value, List<FieldProblem> problems) {
        return Period.parse(value, false)
                .map(period -> new LocalDate[] {period.first(), period.last()})
                .orElseGet(() -> {
                    problems.add(new FieldProblem(
                            name, "must be a year or a quarter from " + Period.FIRST_YEAR + " (2024, 2024-Q3)"));
                    return null;
                });
    }
}
