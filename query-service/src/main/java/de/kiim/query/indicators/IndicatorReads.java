package de.kiim.query.indicators;

import de.kiim.events.vocabulary.Language;
import de.kiim.events.vocabulary.TargetComparison;
import de.kiim.platform.security.KiimUser;
import de.kiim.platform.web.RuleViolation;
import de.kiim.query.accesslog.AccessLog;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Computes an indicator's table, publishes it under disclosure control and logs the read (purpose STATISTICS, no
 * person, no figures; docs/indicators.md): the population from the statistics read model as known at {@code asOf},
 * grouped, each cell's true figures computed, then primary and complementary suppression of every count and of the
 * cells themselves, and the cell-key noise on every count that is published.
 */
@Component
@EnableConfigurationProperties(IndicatorProperties.class)
class IndicatorReads {

    static final String PERSONS = "persons";
    /**
     * The most cells a table may have: a grouping by three fine dimensions would otherwise make suppression rescan
     * tens of thousands of lines, for tables nobody can read.
     */
    static final int MAX_CELLS = 2_000;

    private static final String METHOD = "primary suppression below k, complementary suppression along every line "
            + "and the grand total, cell-key perturbation of every count";

    private final StatisticsFacts facts;
    private final Targets targets;
    private final AccessLog accessLog;
    private final int minimum;

    IndicatorReads(StatisticsFacts facts, Targets targets, AccessLog accessLog, IndicatorProperties properties) {
        this.facts = facts;
        this.targets = targets;
        this.accessLog = accessLog;
        this.minimum = properties.minimumCellSize();
    }

    /** How every table is protected: k, the noise's bound and the method, as tables and reports state it. */
    IndicatorAnswer.Protection protection() {
        return new IndicatorAnswer.Protection(minimum, CellKeys.MAX_DEVIATION, METHOD);
    }

    IndicatorAnswer answer(Indicator indicator, IndicatorQuery query, Language language, KiimUser reader) {
        IndicatorAnswer answer = table(indicator, query, language);
        accessLog.recordAggregate(reader, query.describe(indicator.name()));
        return answer;
    }

    /** The table without logging it: for a read that logs itself once for many tables (the report). */
    IndicatorAnswer table(Indicator indicator, IndicatorQuery query, Language language) {
        return table(indicator, query, language, paths(query));
    }

    /**
     * The paths of everyone who entered within the query's range, as known at its {@code asOf}: one read of the
     * facts, which tables over the same range and time can share (the report's do).
     */
    List<Path> paths(IndicatorQuery query) {
        List<Path> paths = new ArrayList<>();
        Path.Folder folder = new Path.Folder(paths::add);
        facts.readCohort(query.enteredFrom(), query.enteredTo(), query.asOf(), folder);
        folder.finish();
        return paths;
    }

    /** The table from paths read for the query's range and time ({@link #paths}). */
    IndicatorAnswer table(Indicator indicator, IndicatorQuery query, Language language, List<Path> paths) {
        List<Path> population = new ArrayList<>();
        paths.forEach(person -> population.addAll(indicator.units(person, query)));
        List<Dimension> dimensions = new ArrayList<>(indicator.groupedBy());
        dimensions.addAll(query.groupBy());
        FilterDifferencing.Withheld differencing = FilterDifferencing.of(population, query, dimensions, minimum);
        Map<List<String>, List<Path>> groups = new TreeMap<>(IndicatorReads::compareGroups);
        List<Path> selected = new ArrayList<>();
        for (Path unit : population) {
            if (query.passesFilters(unit, null)) {
                selected.add(unit);
                if (dimensions.isEmpty()) {
                    continue; // a table without dimensions is its total
                }
                List<String> group = dimensions.stream()
                        .map(dimension -> dimension.valueOf(unit, query.referenceDate()))
                        .toList();
                groups.computeIfAbsent(group, key -> new ArrayList<>()).add(unit);
            }
        }
        List<List<String>> keys = new ArrayList<>(groups.keySet());
        if (keys.size() > MAX_CELLS) {
            throw RuleViolation.unprocessable(
                            "indicator.too-many-cells",
                            "The grouping gives more than " + MAX_CELLS
                                    + " cells; group by fewer or coarser dimensions.")
                    .with("field", IndicatorQueries.GROUP_BY);
        }
        List<Indicator.Figures> cells = new ArrayList<>();
        for (List<Path> members : groups.values()) {
            cells.add(figures(indicator, members, query));
        }
        Indicator.Figures total = figures(indicator, selected, query);
        boolean totalHidden = total.counts.get(PERSONS).count() < minimum || differencing.total();
        BitSet differenced = new BitSet();
        for (int cell = 0; cell < keys.size(); cell++) {
            differenced.set(cell, differencing.cells().contains(keys.get(cell)));
        }

        BitSet hiddenCells;
        if (totalHidden) {
            hiddenCells = allOf(cells.size());
        } else {
            Suppression.Withholding withholding =
                    Suppression.withhold(keys, counts(cells, PERSONS), differenced, minimum, MAX_CELLS);
            for (List<String> absent : withholding
                    .groups()
                    .subList(keys.size(), withholding.groups().size())) {
                keys.add(absent);
                cells.add(figures(indicator, List.of(), query));
            }
            hiddenCells = withholding.hidden();
        }
        Map<String, BitSet> hiddenFigures = new LinkedHashMap<>();
        for (String figure : total.counts.keySet()) {
            hiddenFigures.put(figure, Suppression.hide(keys, counts(cells, figure), hiddenCells, minimum));
        }

        List<Map<String, Object>> published = new ArrayList<>();
        for (int cell = 0; cell < cells.size(); cell++) {
            final int index = cell;
            Map<String, Object> row = groupRow(dimensions, keys.get(cell), language);
            publish(
                    row,
                    cells.get(cell),
                    hiddenCells.get(cell),
                    figure -> hiddenFigures.get(figure).get(index));
            published.add(row);
        }
        published.sort((a, b) -> compareGroups(groupCodes(a), groupCodes(b)));
        Map<String, Object> totalRow = new LinkedHashMap<>();
        publish(totalRow, total, totalHidden, figure -> {
            long count = total.counts.get(figure).count();
            return count > 0 && count < minimum;
        });

        Map<String, List<String>> filters = new LinkedHashMap<>();
        query.filters().forEach((dimension, values) -> {
            if (dimension.filterable()) {
                filters.put(dimension.parameter(), List.copyOf(new TreeSet<>(values)));
            }
        });
        return new IndicatorAnswer(
                indicator.name(),
                language.pick(indicator.title()),
                query.referenceDate(),
                query.asOf(),
                query.cohort(),
                dimensions.stream().map(Dimension::parameter).toList(),
                filters,
                query.options(),
                protection(),
                published,
                totalRow,
                targets(indicator, query, totalRow));
    }

    @SuppressWarnings("unchecked")
    private static List<String> groupCodes(Map<String, Object> row) {
        return List.copyOf(((Map<String, String>) row.get("group")).values());
    }

    /** A cell's row as far as its group: the codes and their labels. */
    private static Map<String, Object> groupRow(List<Dimension> dimensions, List<String> codes, Language language) {
        Map<String, String> group = new LinkedHashMap<>();
        Map<String, String> labels = new LinkedHashMap<>();
        for (int d = 0; d < dimensions.size(); d++) {
            Dimension dimension = dimensions.get(d);
            group.put(dimension.parameter(), codes.get(d));
            labels.put(dimension.parameter(), dimension.labelOf(codes.get(d), language));
        }
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("group", group);
        row.put("groupLabels", labels);
        return row;
    }

    /** The targets that held at {@code asOf} for the query's cohort, beside the cohort's published total. */
    private List<IndicatorAnswer.TargetStatus> targets(
            Indicator indicator, IndicatorQuery query, Map<String, Object> total) {
        // A target is the district's, for a whole cohort: beside a filtered table it would judge a subgroup by it.
        boolean filtered = query.filters().keySet().stream().anyMatch(Dimension::filterable);
        if (query.cohort() == null || query.cohort().contains("..") || filtered) {
            return List.of();
        }
        return targets.holding(indicator.name(), query.options(), query.cohort(), query.asOf()).stream()
                .map(target -> {
                    Number actual = total.get(target.figure()) instanceof Number number ? number : null;
                    BigDecimal distance =
                            actual == null ? null : new BigDecimal(actual.toString()).subtract(target.value());
                    Boolean met = distance == null
                            ? null
                            : target.comparison().equals(TargetComparison.AT_MOST.code())
                                    ? distance.signum() <= 0
                                    : distance.signum() >= 0;
                    return new IndicatorAnswer.TargetStatus(
                            target.targetId(),
                            target.figure(),
                            target.comparison(),
                            target.value(),
                            target.reason(),
                            target.reference(),
                            target.setOn(),
                            actual,
                            distance,
                            met);
                })
                .toList();
    }

    private static Indicator.Figures figures(Indicator indicator, List<Path> members, IndicatorQuery query) {
        Tally persons = new Tally();
        members.forEach(persons::add);
        Indicator.Figures computed = indicator.compute(members, query);
        Indicator.Figures figures = new Indicator.Figures();
        figures.counts.put(PERSONS, persons);
        figures.counts.putAll(computed.counts);
        figures.statistics.putAll(computed.statistics);
        figures.ratios.putAll(computed.ratios);
        return figures;
    }

    private void publish(
            Map<String, Object> row,
            Indicator.Figures figures,
            boolean cellHidden,
            java.util.function.Predicate<String> figureHidden) {
        List<String> withheld = new ArrayList<>();
        figures.counts.forEach((name, tally) -> {
            if (name.equals(PERSONS)) {
                row.put(PERSONS, cellHidden ? null : CellKeys.perturbed(tally));
                row.put("suppressed", cellHidden);
            } else if (cellHidden || figureHidden.test(name)) {
                row.put(name, null);
                withheld.add(name);
            } else {
                row.put(name, CellKeys.perturbed(tally));
            }
        });
        figures.statistics.forEach((name, statistic) -> {
            boolean tooFew = statistic.basis() > 0 && statistic.basis() < minimum;
            boolean countWithheld = statistic.restsOn() != null && withheld.contains(statistic.restsOn());
            if (cellHidden || tooFew || countWithheld) {
                row.put(name, null);
                withheld.add(name);
            } else {
                row.put(name, statistic.value());
            }
        });
        figures.ratios.forEach((name, ratio) -> {
            Object numerator = row.get(ratio.numerator());
            Object denominator = row.get(ratio.denominator());
            if (numerator instanceof Long part && denominator instanceof Long whole && whole > 0) {
                row.put(
                        name,
                        Indicator.Statistic.share((double) Math.min(part, whole) / whole, whole, part, null)
                                .value());
            } else {
                row.put(name, null);
                if (!cellHidden && (numerator == null || denominator == null)) {
                    withheld.add(name);
                }
            }
        });
        if (!cellHidden && !withheld.isEmpty()) {
            row.put("suppressedFigures", withheld);
        }
    }

    private static long[] counts(List<Indicator.Figures> cells, String figure) {
        return cells.stream().mapToLong(cell -> cell.counts.get(figure).count()).toArray();
    }

    private static BitSet allOf(int size) {
        BitSet all = new BitSet();
        all.set(0, size);
        return all;
    }

    private static int compareGroups(List<String> a, List<String> b) {
        for (int i = 0; i < a.size(); i++) {
            int order = a.get(i).compareTo(b.get(i));
            if (order != 0) {
                return order;
            }
        }
        return 0;
    }
}
