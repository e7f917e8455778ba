package de.kiim.web.api;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The analysts' indicators as the query service lists them, in the page's language. */
public record IndicatorCatalogue(
        List<Definition> indicators, List<Dimension> dimensions, Protection disclosureControl) {

    public record Definition(
            String name, String title, String definition, Map<String, String> parameters, List<Figure> figures) {}

    /** One figure of an indicator's cells: its name in the answer, its column header, COUNT, DAYS or SHARE. */
    public record Figure(String name, String header, String kind) {}

    public record Dimension(String name, String label) {}

    /** How every table is protected: k, the cell key's largest deviation, the method's name. */
    public record Protection(int minimumCellSize, int maximumDeviation, String method) {}

    public Optional<Definition> indicator(String name) {
        return indicators.stream()
                .filter(indicator -> indicator.name().equals(name))
                .findFirst();
    }
}
