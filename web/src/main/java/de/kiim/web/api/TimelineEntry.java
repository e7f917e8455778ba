package de.kiim.web.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

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

    /** The fields to show: each coded one by its label, the rest as recorded. */
    public Map<String, Object> shownData() {
        var shown = new java.util.LinkedHashMap<String, Object>();
        data.forEach((field, value) ->
                shown.put(field, labels != null && labels.get(field) != null ? labels.get(field) : value));
        return shown;
    }
}
