package de.kiim.web.indicators;

import de.kiim.web.api.IndicatorTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A horizontal bar per cell of a table, drawn by the page as SVG on the server: no script, no library, and the
 * numbers beside it as a table for everyone who cannot see the bars. A withheld value has no bar, only its ".".
 */
public record BarChart(String figure, List<Bar> bars) {

    /** The chart's width in SVG units for the longest bar; labels and values take the rest. */
    static final int BAR_SPACE = 480;

    public record Bar(String label, Number value, int length, boolean withheld, int y) {}

    /** A bar per cell, and for the total (its label null) where the table is grouped. */
    static BarChart of(IndicatorTable table, String figure) {
        List<Map<String, Object>> cells = new ArrayList<>(table.cells());
        if (table.total() != null && !table.groupBy().isEmpty()) {
            cells.add(table.total());
        }
        double largest = cells.stream()
                .filter(cell -> !IndicatorTable.withheld(cell, figure))
                .map(cell -> cell.get(figure))
                .filter(Number.class::isInstance)
                .mapToDouble(value -> ((Number) value).doubleValue())
                .max()
                .orElse(0);
        List<Bar> bars = new ArrayList<>();
        for (Map<String, Object> cell : cells) {
            boolean withheld = IndicatorTable.withheld(cell, figure);
            Number value = withheld || !(cell.get(figure) instanceof Number number) ? null : number;
            int length =
                    value == null || largest == 0 ? 0 : (int) Math.round(value.doubleValue() / largest * BAR_SPACE);
            bars.add(new Bar(label(cell), value, length, withheld, bars.size() * 32));
        }
        return new BarChart(figure, bars);
    }

    public int height() {
        return bars.size() * 32;
    }

    private static String label(Map<String, Object> cell) {
        if (cell.get("groupLabels") instanceof Map<?, ?> labels && !labels.isEmpty()) {
            return labels.values().stream().map(String::valueOf).collect(Collectors.joining(", "));
        }
        return null;
    }
}
