package de.kiim.web.api;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.context.i18n.LocaleContextHolder;

/** One step of a timeline, as the query service answers it for the user's agency. */
public record TimelineEntry(
        long sequence,
        String type,
        String title,
        String category,
        LocalDate occurredAt,
        Instant recordedAt,
        String author,
        String agency,
        Map<String, Object> data,
        Map<String, Object> labels,
        boolean erased) {

    private static final Pattern DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    /** The fields to show: each coded one by its label, a day in the page's format, the rest as recorded. */
    public Map<String, Object> shownData() {
        DateTimeFormatter days =
                DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(LocaleContextHolder.getLocale());
        var shown = new LinkedHashMap<String, Object>();
        data.forEach((field, value) -> {
            if (labels != null && labels.get(field) != null) {
                shown.put(field, labels.get(field));
            } else if (value instanceof String text && DAY.matcher(text).matches()) {
                shown.put(field, day(text, days));
            } else {
                shown.put(field, value);
            }
        });
        return shown;
    }

    private static String day(String text, DateTimeFormatter days) {
        try {
            return days.format(LocalDate.parse(text));
        } catch (java.time.format.DateTimeParseException notADay) {
            return text;
        }
    }
}
