package de.kiim.query.indicators;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Primary and complementary suppression of one count of a table (docs/indicators.md). Primary: a count of 1 to k − 1
 * persons. Complementary: a table's cells add up along every line — all cells that agree in every dimension but one
 * — to a total that is published here or by the same query with fewer dimensions, and all of them add up to the
 * grand total. A line with exactly one hidden cell would give it away by subtraction, so another cell of that line,
 * the smallest that is not zero, is hidden too, until no line has exactly one.
 */
final class Suppression {

    private Suppression() {}

    /**
     * @param groups     each cell's group values, one per dimension, all of the same length
     * @param counts     each cell's true count
     * @param hidden     cells hidden already (their whole cell is): they count as hidden in every line
     * @param minimum    k: counts from 1 to k − 1 are hidden
     * @return the cells whose count must not be published
     */
    static BitSet hide(List<List<String>> groups, long[] counts, BitSet hidden, int minimum) {
        BitSet result = (BitSet) hidden.clone();
        for (int cell = 0; cell < counts.length; cell++) {
            if (counts[cell] > 0 && counts[cell] < minimum) {
                result.set(cell);
            }
        }
        List<List<Integer>> lines = lines(groups);
        boolean changed = true;
        while (changed) {
            changed = false;
            for (List<Integer> line : lines) {
                if (line.size() > 1 && line.stream().filter(result::get).count() == 1) {
                    result.set(complement(line, counts, result));
                    changed = true;
                }
            }
        }
        return result;
    }

    /** A table's groups after {@link #withhold}: those it had, then the absent ones it lists withheld. */
    record Withholding(List<List<String>> groups, BitSet hidden) {}

    /**
     * Primary and complementary suppression of the cells' persons, then the group disclosure closed: the absent
     * combinations beside withheld cells are listed as withheld cells too (with a count of 0), and those need their
     * complements in turn — until the table is stable, or it would pass {@code maxCells}.
     */
    static Withholding withhold(List<List<String>> groups, long[] counts, BitSet hidden, int minimum, int maxCells) {
        List<List<String>> all = new ArrayList<>(groups);
        long[] allCounts = counts.clone();
        BitSet withheld = hide(all, allCounts, hidden, minimum);
        for (List<List<String>> absent = absentBesideWithheld(all, withheld);
                !absent.isEmpty() && all.size() + absent.size() <= maxCells;
                absent = absentBesideWithheld(all, withheld)) {
            BitSet before = (BitSet) withheld.clone();
            for (List<String> combination : absent) {
                before.set(all.size());
                all.add(combination);
            }
            allCounts = Arrays.copyOf(allCounts, all.size());
            withheld = hide(all, allCounts, before, minimum);
        }
        return new Withholding(all, withheld);
    }

    /**
     * The combinations absent from the table that lie in a line with a withheld cell, with values each dimension
     * takes elsewhere in the table. Left out, they would show that line's withheld cells hold everyone — "every
     * person of group G has attribute A" — so they are listed as withheld too, and cannot be told from the rest.
     */
    private static List<List<String>> absentBesideWithheld(List<List<String>> groups, BitSet hidden) {
        int dimensions = groups.isEmpty() ? 0 : groups.get(0).size();
        Set<List<String>> present = new HashSet<>(groups);
        Set<List<String>> absent = new LinkedHashSet<>();
        for (int free = 0; free < dimensions && dimensions > 1; free++) {
            Set<String> values = new TreeSet<>();
            Map<List<String>, Boolean> lineWithheld = new LinkedHashMap<>();
            for (int cell = 0; cell < groups.size(); cell++) {
                values.add(groups.get(cell).get(free));
                List<String> others = new ArrayList<>(groups.get(cell));
                others.remove(free);
                lineWithheld.merge(others, hidden.get(cell), Boolean::logicalOr);
            }
            for (Map.Entry<List<String>, Boolean> line : lineWithheld.entrySet()) {
                if (!line.getValue()) {
                    continue;
                }
                for (String value : values) {
                    List<String> combination = new ArrayList<>(line.getKey());
                    combination.add(free, value);
                    if (!present.contains(combination)) {
                        absent.add(List.copyOf(combination));
                    }
                }
            }
        }
        return List.copyOf(absent);
    }

    /** Every line of the table, and the line of all cells, which adds up to the grand total. */
    static List<List<Integer>> lines(List<List<String>> groups) {
        List<List<Integer>> lines = new ArrayList<>();
        List<Integer> all = new ArrayList<>();
        for (int cell = 0; cell < groups.size(); cell++) {
            all.add(cell);
        }
        lines.add(all);
        int dimensions = groups.isEmpty() ? 0 : groups.get(0).size();
        for (int free = 0; free < dimensions && dimensions > 1; free++) {
            Map<List<String>, List<Integer>> byOthers = new LinkedHashMap<>();
            for (int cell = 0; cell < groups.size(); cell++) {
                List<String> others = new ArrayList<>(groups.get(cell));
                others.remove(free);
                byOthers.computeIfAbsent(others, key -> new ArrayList<>()).add(cell);
            }
            lines.addAll(byOthers.values());
        }
        return lines;
    }

    /** The smallest visible count of the line, preferring one that is not zero (hiding a zero protects less). */
    private static int complement(List<Integer> line, long[] counts, BitSet hidden) {
        int best = -1;
        for (int cell : line) {
            if (hidden.get(cell)) {
                continue;
            }
            if (best < 0 || better(counts[cell], counts[best])) {
                best = cell;
            }
        }
        return best;
    }

    private static boolean better(long candidate, long best) {
        if ((candidate == 0) != (best == 0)) {
            return best == 0;
        }
        return candidate < best;
    }
}
