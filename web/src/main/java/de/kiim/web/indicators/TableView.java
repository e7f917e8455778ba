package de.kiim.web.indicators;

import de.kiim.web.api.IndicatorCatalogue;
import de.kiim.web.api.IndicatorTable;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An indicator's table as the page shows it: a header per grouping dimension and per figure, and per cell its
 * group's labels and its values in the page's number format, a withheld value as ".", as statistical offices do.
 */
public record TableView(List<String> groupHeaders, List<String> figureHeaders, List<Row> rows, Row total) {

    public record Value(String text, boolean withheld) {}

    public record Row(List<String> group, List<Value> values) {}

    static TableView of(
            IndicatorTable table,
            IndicatorCatalogue catalogue,
            IndicatorCatalogue.Definition definition,
            String personsHeader,
            Locale locale) {
        List<String> figures = new ArrayList<>(List.of("persons"));
        List<String> figureHeaders = new ArrayList<>(List.of(personsHeader));
        definition.figures().forEach(figure -> {
            figures.add(figure.name());
            figureHeaders.add(figure.header());
        });
        List<String> groupHeaders = table.groupBy().stream()
                .map(name -> catalogue.dimensions().stream()
                        .filter(dimension -> dimension.name().equals(name))
                        .map(IndicatorCatalogue.Dimension::label)
                        .findFirst()
                        .orElse(name))
                .toList();
        NumberFormat numbers = NumberFormat.getNumberInstance(locale);
        numbers.setMaximumFractionDigits(2);
        List<Row> rows = table.cells().stream()
                .map(cell -> row(cell, table.groupBy(), figures, numbers))
                .toList();
        Row total = table.total() == null ? null : row(table.total(), List.of(), figures, numbers);
        return new TableView(groupHeaders, figureHeaders, rows, total);
    }

    private static Row row(Map<String, Object> cell, List<String> groupBy, List<String> figures, NumberFormat numbers) {
        List<String> group =
                groupBy.stream().map(dimension -> groupValue(cell, dimension)).toList();
        List<Value> values = figures.stream()
                .map(figure -> {
                    if (IndicatorTable.withheld(cell, figure)) {
                        return new Value(".", true);
                    }
                    Object value = cell.get(figure);
                    return new Value(value instanceof Number number ? numbers.format(number) : "–", false);
                })
                .toList();
        return new Row(group, values);
    }

    private static String groupValue(Map<String, Object> cell, String dimension) {
        for (String key : List.of("groupLabels", "group")) {
            if (cell.get(key) instanceof Map<?, ?> values && values.get(dimension) != null) {
                return String.valueOf(values.get(dimension));
            }
        }
        return "";
    }
}
