package de.kiim.benchmarks;

import java.util.List;

final class Stats {

    private Stats() {}

    static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        double median = sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
        return Math.round(median * 1000) / 1000.0;
    }
}
