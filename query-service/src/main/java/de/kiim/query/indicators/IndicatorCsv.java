package de.kiim.query.indicators;

import de.kiim.events.vocabulary.Language;
import de.kiim.query.csv.Csv;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An indicator's table as CSV, as German statistical offices publish tables: a withheld figure is {@code .}, one
 * that is not defined (a median the estimate never reaches) is {@code x}; shares with a decimal comma in German.
 */
final class IndicatorCsv {

    static final String WITHHELD = ".";
    static final String UNDEFINED = "x";

    private IndicatorCsv() {}

    static String of(IndicatorAnswer answer, Indicator indicator, Language language) {
        List<Dimension> dimensions = answer.groupBy().stream()
                .map(name -> Dimension.byParameter(name).orElseThrow())
                .toList();
        List<String> header = new ArrayList<>();
        dimensions.forEach(dimension -> header.add(dimension.label(language)));
        header.add(language.pick("Personen", "persons"));
        indicator.figures().forEach(figure -> header.add(language.pick(figure.header())));
        List<List<Object>> rows = new ArrayList<>();
        for (Map<String, Object> cell : answer.cells()) {
            List<Object> row = new ArrayList<>();
            @SuppressWarnings("unchecked")
            Map<String, String> labels = (Map<String, String>) cell.get("groupLabels");
            dimensions.forEach(dimension -> row.add(labels.get(dimension.parameter())));
            addFigures(row, cell, indicator, language);
            rows.add(row);
        }
        List<Object> total = new ArrayList<>();
        for (int i = 0; i < dimensions.size(); i++) {
            total.add(i == 0 ? language.pick("Insgesamt", "Total") : "");
        }
        addFigures(total, answer.total(), indicator, language);
        rows.add(total);
        return Csv.of(header, rows);
    }

    private static void addFigures(List<Object> row, Map<String, Object> cell, Indicator indicator, Language language) {
        boolean cellWithheld = Boolean.TRUE.equals(cell.get("suppressed"));
        @SuppressWarnings("unchecked")
        List<String> withheld = (List<String>) cell.getOrDefault("suppressedFigures", List.of());
        row.add(cellWithheld ? WITHHELD : cell.get(IndicatorReads.PERSONS));
        for (Indicator.Figure figure : indicator.figures()) {
            Object value = cell.get(figure.name());
            if (cellWithheld || withheld.contains(figure.name())) {
                row.add(WITHHELD);
            } else if (value == null) {
                row.add(UNDEFINED);
            } else if (figure.kind() == Indicator.Figure.Kind.SHARE) {
                row.add(String.format(language == Language.DE ? Locale.GERMANY : Locale.ENGLISH, "%.2f", value));
            } else {
                row.add(value);
            }
        }
    }
}
