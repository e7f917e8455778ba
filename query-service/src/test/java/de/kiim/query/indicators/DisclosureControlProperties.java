package de.kiim.query.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Suppression and the cell-key noise on random tables: what the published figures can and cannot give away. */
class DisclosureControlProperties {

    /** A table as the indicators build it: only groups with persons are cells; counts skewed to the small. */
    record Table(List<List<String>> groups, long[] counts) {}

    @Provide
    Arbitrary<Table> tables() {
        return Combinators.combine(
                        Arbitraries.integers().between(1, 3),
                        Arbitraries.integers().between(1, 5),
                        Arbitraries.longs())
                .as((dimensions, width, seed) -> {
                    Random random = new Random(seed);
                    List<List<String>> groups = new ArrayList<>();
                    List<Long> counts = new ArrayList<>();
                    addCells(groups, counts, new ArrayList<>(), dimensions, width, random);
                    return new Table(
                            groups, counts.stream().mapToLong(Long::longValue).toArray());
                });
    }

    private static void addCells(
            List<List<String>> groups, List<Long> counts, List<String> prefix, int left, int width, Random random) {
        if (left == 0) {
            long count = random.nextInt(4) == 0 ? 0 : random.nextInt(3) == 0 ? random.nextInt(5) : random.nextInt(40);
            if (count > 0) {
                groups.add(List.copyOf(prefix));
                counts.add(count);
            }
            return;
        }
        for (int value = 0; value < width; value++) {
            prefix.add("v" + value);
            addCells(groups, counts, prefix, left - 1, width, random);
            prefix.remove(prefix.size() - 1);
        }
    }

    @Property(tries = 500)
    void no_withheld_cell_can_be_recomputed_from_its_line_or_the_grand_total(
            @ForAll("tables") Table table, @ForAll @IntRange(min = 3, max = 10) int k) {
        BitSet hidden = Suppression.hide(table.groups(), table.counts(), new BitSet(), k);
        for (int cell = 0; cell < table.counts().length; cell++) {
            if (table.counts()[cell] < k) {
                assertThat(hidden.get(cell)).as("a count below k is withheld").isTrue();
            }
        }
        for (List<Integer> line : Suppression.lines(table.groups())) {
            long hiddenInLine = line.stream().filter(hidden::get).count();
            if (line.size() > 1) {
                assertThat(hiddenInLine)
                        .as("a line (or the grand total) with one withheld cell gives it away by subtraction")
                        .isNotEqualTo(1L);
            }
        }
    }

    @Property(tries = 300)
    void cells_withheld_before_stay_withheld_and_count_as_withheld_in_their_lines(
            @ForAll("tables") Table table, @ForAll long seed) {
        BitSet before = new BitSet();
        Random random = new Random(seed);
        for (int cell = 0; cell < table.counts().length; cell++) {
            if (random.nextInt(5) == 0) {
                before.set(cell);
            }
        }
        BitSet hidden = Suppression.hide(table.groups(), table.counts(), before, 5);
        BitSet kept = (BitSet) before.clone();
        kept.andNot(hidden);
        assertThat(kept.isEmpty()).isTrue();
        for (List<Integer> line : Suppression.lines(table.groups())) {
            if (line.size() > 1) {
                assertThat(line.stream().filter(hidden::get).count()).isNotEqualTo(1L);
            }
        }
    }

    @Property(tries = 500)
    void a_line_with_a_withheld_cell_lists_every_combination_so_none_is_known_to_be_empty(
            @ForAll("tables") Table table) {
        Suppression.Withholding withholding =
                Suppression.withhold(table.groups(), table.counts(), new BitSet(), 5, 100_000);
        List<List<String>> groups = withholding.groups();
        assertThat(groups).startsWith(table.groups().toArray(List[]::new));
        for (List<Integer> line : Suppression.lines(groups)) {
            if (line.size() > 1) {
                assertThat(line.stream().filter(withholding.hidden()::get).count())
                        .isNotEqualTo(1L);
            }
        }
        int dimensions = groups.isEmpty() ? 0 : groups.get(0).size();
        for (int free = 0; free < dimensions && dimensions > 1; free++) {
            final int d = free;
            Set<String> values = new TreeSet<>();
            groups.forEach(group -> values.add(group.get(d)));
            Map<List<String>, List<Integer>> lines = new LinkedHashMap<>();
            for (int cell = 0; cell < groups.size(); cell++) {
                lines.computeIfAbsent(without(groups.get(cell), d), key -> new ArrayList<>())
                        .add(cell);
            }
            for (List<Integer> line : lines.values()) {
                if (line.stream().anyMatch(withholding.hidden()::get)) {
                    assertThat(line.stream()
                                    .map(cell -> groups.get(cell).get(d))
                                    .toList())
                            .as("every value of the dimension is listed in a line with a withheld cell")
                            .containsAll(values);
                }
            }
        }
    }

    private static List<String> without(List<String> group, int dimension) {
        List<String> others = new ArrayList<>(group);
        others.remove(dimension);
        return others;
    }

    @Property(tries = 1000)
    void the_noise_keeps_zero_and_positive_counts_and_stays_within_its_bound(
            @ForAll @IntRange(min = 0, max = 100_000) int count, @ForAll("cellKeys") double cellKey) {
        long published = CellKeys.perturbed(count, cellKey);
        if (count == 0) {
            assertThat(published).isZero();
        } else {
            assertThat(published).isPositive();
            assertThat(Math.abs(published - count)).isLessThanOrEqualTo(CellKeys.MAX_DEVIATION);
        }
    }

    @Provide
    Arbitrary<Double> cellKeys() {
        return Arbitraries.doubles().between(0, 1).filter(key -> key < 1);
    }

    @Property(tries = 200)
    void the_same_persons_get_the_same_noise_in_whatever_order_they_are_counted(
            @ForAll @IntRange(min = 1, max = 60) int size, @ForAll long seed) {
        Random random = new Random(seed);
        List<Path> persons = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            persons.add(new Path(new UUID(random.nextLong(), random.nextLong()), random.nextDouble()));
        }
        Tally forwards = new Tally();
        persons.forEach(forwards::add);
        Collections.shuffle(persons, random);
        Tally shuffled = new Tally();
        persons.forEach(shuffled::add);
        assertThat(shuffled.cellKey()).isEqualTo(forwards.cellKey());
        assertThat(CellKeys.perturbed(shuffled)).isEqualTo(CellKeys.perturbed(forwards));
    }

    @Property(tries = 50)
    void the_noise_is_unbiased_over_many_cells(@ForAll long seed) {
        Random random = new Random(seed);
        long deviation = 0;
        int cells = 20_000;
        for (int i = 0; i < cells; i++) {
            deviation += CellKeys.perturbed(100, random.nextDouble()) - 100;
        }
        assertThat(Math.abs((double) deviation / cells)).isLessThan(0.05);
    }
}
