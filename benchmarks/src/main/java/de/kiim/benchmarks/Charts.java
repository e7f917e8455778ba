package de.kiim.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/** Latency by percentile as an SVG line chart, percentiles on the usual log scale (50, 90, 99, 99.9). */
final class Charts {

    private static final int WIDTH = 720;
    private static final int HEIGHT = 400;
    private static final int MARGIN = 60;
    private static final String[] COLOURS = {"#1f77b4", "#d62728", "#2ca02c", "#9467bd"};
    private static final double[] PERCENTILES = {0, 50, 75, 90, 95, 99, 99.5, 99.9};

    private Charts() {}

    static void latency(Path file, Map<String, Histogram> series) throws IOException {
        Map<String, Histogram> ordered = new TreeMap<>(series);
        double maxMs = ordered.values().stream()
                .mapToDouble(h -> h.getValueAtPercentile(99.9) / 1000.0)
                .max()
                .orElse(1);
        StringBuilder svg = new StringBuilder(String.format(
                Locale.ROOT,
                "<svg xmlns='http://www.w3.org/2000/svg' width='%d' height='%d' font-family='sans-serif' "
                        + "font-size='12'><rect width='100%%' height='100%%' fill='white'/>",
                WIDTH,
                HEIGHT));
        svg.append(String.format(Locale.ROOT, "<text x='%d' y='20'>Latency by percentile (ms)</text>", MARGIN));
        for (double p : PERCENTILES) {
            double x = x(p);
            svg.append(String.format(
                    Locale.ROOT,
                    "<line x1='%.1f' y1='%d' x2='%.1f' y2='%d' stroke='#ddd'/>"
                            + "<text x='%.1f' y='%d' text-anchor='middle'>p%s</text>",
                    x,
                    MARGIN - 20,
                    x,
                    HEIGHT - MARGIN,
                    x,
                    HEIGHT - MARGIN + 16,
                    p == Math.floor(p) ? String.valueOf((int) p) : String.valueOf(p)));
        }
        for (int tick = 0; tick <= 4; tick++) {
            double ms = maxMs * tick / 4;
            double y = y(ms, maxMs);
            svg.append(String.format(
                    Locale.ROOT, "<text x='%d' y='%.1f' text-anchor='end'>%.1f</text>", MARGIN - 6, y + 4, ms));
        }
        int colour = 0;
        for (var entry : ordered.entrySet()) {
            StringBuilder points = new StringBuilder();
            for (double p : PERCENTILES) {
                points.append(String.format(
                        Locale.ROOT,
                        "%.1f,%.1f ",
                        x(p),
                        y(entry.getValue().getValueAtPercentile(Math.max(p, 0.0001)) / 1000.0, maxMs)));
            }
            String stroke = COLOURS[colour % COLOURS.length];
            svg.append(String.format(
                    Locale.ROOT,
                    "<polyline fill='none' stroke='%s' stroke-width='2' points='%s'/>"
                            + "<text x='%d' y='%d' fill='%s'>%s</text>",
                    stroke,
                    points,
                    WIDTH - 150,
                    MARGIN + 16 * colour,
                    stroke,
                    entry.getKey()));
            colour++;
        }
        Files.createDirectories(file.getParent());
        Files.writeString(file, svg.append("</svg>\n"));
    }

    /** 0 → left edge, 99.9 → right edge, log-scaled in 1 / (1 - p). */
    private static double x(double percentile) {
        double scaled = Math.log10(1 / (1 - percentile / 100.0));
        return MARGIN + (WIDTH - 2 * MARGIN) * scaled / 3.0;
    }

    private static double y(double ms, double maxMs) {
        return HEIGHT - MARGIN - (HEIGHT - 2 * MARGIN) * Math.min(ms, maxMs) / maxMs;
    }
}
