package de.kiim.query.indicators;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The district's yearly integration report, ready to render: every table as text cells (withheld {@code .},
 * undefined {@code x}, nothing there {@code –}), a chart per table, and the targets with the distance to them.
 */
record IntegrationReport(
        int year,
        LocalDate referenceDate,
        Instant asOf,
        List<Integer> cohorts,
        IndicatorAnswer.Protection protection,
        List<Section> sections,
        List<TargetRow> targets) {

    /** One indicator's table over the cohorts (or, for transitions, over the changes). */
    record Section(String title, String note, List<String> header, List<List<String>> rows, String chartSvg) {}

    /** A target of one of the report's cohorts and where the cohort stands. */
    record TargetRow(
            String indicator,
            String cohort,
            String figure,
            String target,
            String actual,
            String distance,
            String met,
            String basis) {}
}
