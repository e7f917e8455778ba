package de.kiim.query.indicators;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Differencing by filters (docs/indicators.md): a filtered table beside the same table without the filter, or beside
 * the table grouped by the filtered dimension, must not give away the few persons the filter takes in or leaves
 * out. A cell of a filtered table, and its total, is withheld when
 * <ul>
 *   <li>the filter leaves out 1 to k − 1 of the cell's persons (the same cell unfiltered would differ by them), or
 *   <li>one of the values it selects has its cell withheld in the table grouped also by the filtered dimension
 *       (published here, that cell could be subtracted from its line there).
 * </ul>
 * Persons, not course episodes, are compared: a person left out with one course and kept with another is kept.
 */
final class FilterDifferencing {

    /** The groups of the filtered table to withhold, and whether its total is. */
    record Withheld(Set<List<String>> cells, boolean total) {}

    private FilterDifferencing() {}

    static Withheld of(List<Path> population, IndicatorQuery query, List<Dimension> dimensions, int minimum) {
        Set<List<String>> cells = new HashSet<>();
        boolean total = false;
        LocalDate day = query.referenceDate();
        for (Map.Entry<Dimension, Set<String>> filter : query.filters().entrySet()) {
            Dimension filtered = filter.getKey();
            Set<String> values = filter.getValue();
            Map<List<String>, Set<UUID>> all = new HashMap<>();
            Map<List<String>, Set<UUID>> kept = new HashMap<>();
            Map<List<String>, Tally> byValue = new LinkedHashMap<>();
            Map<List<String>, Tally> byValueAlone = new LinkedHashMap<>();
            for (Path unit : population) {
                if (!query.passesFilters(unit, filtered)) {
                    continue;
                }
                List<String> group = dimensions.stream()
                        .map(dimension -> dimension.valueOf(unit, day))
                        .toList();
                String value = filtered.valueOf(unit, day);
                for (List<String> key : List.of(group, List.<String>of())) {
                    all.computeIfAbsent(key, k -> new HashSet<>()).add(unit.subject);
                    if (values.contains(value)) {
                        kept.computeIfAbsent(key, k -> new HashSet<>()).add(unit.subject);
                    }
                }
                byValue.computeIfAbsent(with(group, value), k -> new Tally()).add(unit);
                byValueAlone.computeIfAbsent(List.of(value), k -> new Tally()).add(unit);
            }
            for (Map.Entry<List<String>, Set<UUID>> cell : all.entrySet()) {
                Set<UUID> left = new HashSet<>(cell.getValue());
                left.removeAll(kept.getOrDefault(cell.getKey(), Set.of()));
                if (!left.isEmpty() && left.size() < minimum) {
                    if (cell.getKey().isEmpty()) {
                        total = true;
                    } else {
                        cells.add(cell.getKey());
                    }
                }
            }
            withheldSelected(byValue, values, minimum).forEach(key -> cells.add(key.subList(0, key.size() - 1)));
            total |= !withheldSelected(byValueAlone, values, minimum).isEmpty();
        }
        return new Withheld(cells, total);
    }

    /** The keys (group and value last) of the selected values whose cells that table withholds. */
    private static List<List<String>> withheldSelected(
            Map<List<String>, Tally> table, Set<String> values, int minimum) {
        List<List<String>> keys = List.copyOf(table.keySet());
        long[] counts = table.values().stream().mapToLong(Tally::count).toArray();
        BitSet hidden = Suppression.hide(keys, counts, new BitSet(), minimum);
        List<List<String>> selected = new ArrayList<>();
        for (int cell = hidden.nextSetBit(0); cell >= 0; cell = hidden.nextSetBit(cell + 1)) {
            List<String> key = keys.get(cell);
            if (values.contains(key.get(key.size() - 1))) {
                selected.add(key);
            }
        }
        return selected;
    }

    private static List<String> with(List<String> group, String value) {
        List<String> key = new ArrayList<>(group);
        key.add(value);
        return key;
    }
}
