package de.kiim.query.indicators;

import java.util.List;
import java.util.Locale;

/**
 * A horizontal bar chart as SVG, drawn on the server for the report (and its PDF): one bar per row, its value written
 * beside it; a withheld or undefined value gets no bar and its mark instead. The numbers are always in the table
 * beside the chart too, so the chart is decoration for sighted readers ({@code role="img"} with a title).
 */
final class BarChart {

    private static final int ROW = 22;
    private static final int LABEL_WIDTH = 120;
    private static final int BAR_WIDTH = 360;

    private BarChart() {}

    /** @param values a number per label, or null with {@code marks} saying why (". " withheld, "x" undefined) */
    static String svg(String title, List<String> labels, List<Double> values, List<String> marks) {
        double max = values.stream()
                .filter(v -> v != null)
                .mapToDouble(Double::doubleValue)
                .max()
                .orElse(0);
        int height = ROW * labels.size() + 10;
        int width = LABEL_WIDTH + BAR_WIDTH + 70;
        StringBuilder svg = new StringBuilder()
                .append("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"")
                .append(width)
                .append("\" height=\"")
                .append(height)
                .append("\" viewBox=\"0 0 ")
                .append(width)
                .append(' ')
                .append(height)
                .append("\"><title>")
                .append(escape(title))
                .append("</title>");
        for (int i = 0; i < labels.size(); i++) {
            int y = 5 + i * ROW;
            svg.append("<text x=\"0\" y=\"")
                    .append(y + 15)
                    .append("\" font-size=\"12\" fill=\"#1b1b1b\">")
                    .append(escape(labels.get(i)))
                    .append("</text>");
            Double value = values.get(i);
            if (value == null || max <= 0) {
                svg.append("<text x=\"")
                        .append(LABEL_WIDTH)
                        .append("\" y=\"")
                        .append(y + 15)
                        .append("\" font-size=\"12\" fill=\"#1b1b1b\">")
                        .append(escape(marks.get(i)))
                        .append("</text>");
                continue;
            }
            int length = (int) Math.round(BAR_WIDTH * value / max);
            svg.append("<rect x=\"")
                    .append(LABEL_WIDTH)
                    .append("\" y=\"")
                    .append(y + 3)
                    .append("\" width=\"")
                    .append(Math.max(1, length))
                    .append("\" height=\"")
                    .append(ROW - 6)
                    .append("\" fill=\"#005a9c\"/>")
                    .append("<text x=\"")
                    .append(LABEL_WIDTH + length + 6)
                    .append("\" y=\"")
                    .append(y + 15)
                    .append("\" font-size=\"12\" fill=\"#1b1b1b\">")
                    .append(escape(marks.get(i)))
                    .append("</text>");
        }
        return svg.append("</svg>").toString();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
    }

    static String number(double value, Locale locale) {
        return value == Math.rint(value) ? Long.toString((long) value) : String.format(locale, "%.1f", value);
    }
}
