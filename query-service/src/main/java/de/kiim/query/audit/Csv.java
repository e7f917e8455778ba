package de.kiim.query.audit;

import java.time.temporal.TemporalAccessor;
import java.util.List;
import java.util.stream.Collectors;

/** A table as CSV the way German office software opens it: {@code ;}-separated, UTF-8, quoted where needed. */
final class Csv {

    private Csv() {}

    static String of(List<String> header, List<List<Object>> rows) {
        StringBuilder csv =
                new StringBuilder(line(header.stream().map(Object.class::cast).toList()));
        rows.forEach(row -> csv.append(line(row)));
        return csv.toString();
    }

    private static String line(List<Object> cells) {
        return cells.stream().map(Csv::cell).collect(Collectors.joining(";")) + "\r\n";
    }

    private static String cell(Object value) {
        String text = value == null ? "" : value instanceof TemporalAccessor ? value.toString() : String.valueOf(value);
        return text.matches(".*[;\"\\r\\n].*") ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }
}
