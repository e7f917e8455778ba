package de.kiim.query.csv;

import java.time.temporal.TemporalAccessor;
import java.util.List;
import java.util.stream.Collectors;

/**
 * CSV as German spreadsheets open it: {@code ;}-separated, CRLF lines. A text cell that a spreadsheet would run as
 * a formula (starting with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return) is quoted and
 * prefixed with an apostrophe, so that it shows as text; numbers and times are written as they are.
 */
public final class Csv {

    private Csv() {}

    public static String of(List<String> header, List<List<Object>> rows) {
        StringBuilder csv = new StringBuilder(line(List.copyOf(header)));
        rows.forEach(row -> csv.append(line(row)));
        return csv.toString();
    }

    private static String line(List<?> cells) {
        return cells.stream().map(Csv::cell).collect(Collectors.joining(";")) + "\r\n";
    }

    private static String cell(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Number || value instanceof TemporalAccessor) {
            return value.toString();
        }
        String text = String.valueOf(value);
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            return quoted("'" + text);
        }
        return text.matches("(?s).*[;\"\\r\\n].*") ? quoted(text) : text;
    }

    private static String quoted(String text) {
        return "\"" + text.replace("\"", "\"\"") + "\"";
    }
}
