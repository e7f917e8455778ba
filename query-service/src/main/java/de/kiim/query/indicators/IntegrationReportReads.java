package de.kiim.query.indicators;

import de.kiim.events.vocabulary.Language;
import de.kiim.events.vocabulary.TargetComparison;
import de.kiim.events.vocabulary.TargetReason;
import de.kiim.events.vocabulary.Vocabulary;
import de.kiim.events.vocabulary.Vocabulary.Labels;
import de.kiim.platform.security.KiimUser;
import de.kiim.query.accesslog.AccessLog;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.springframework.stereotype.Component;

/**
 * Builds the yearly integration report from the indicators (docs/indicators.md, "Yearly report"): the five arrival
 * cohorts up to the year, on 31 December of the year (today for the current year), each table under the same
 * disclosure control as the API's, and the targets of those cohorts. One access-log entry for the whole report.
 */
@Component
class IntegrationReportReads {

    static final int COHORTS = 5;
    private static final ZoneId DISTRICT = ZoneId.of("Europe/Berlin");
    private static final String WITHHELD = IndicatorCsv.WITHHELD;
    private static final String UNDEFINED = IndicatorCsv.UNDEFINED;
    private static final String NOTHING = "–";

    /**
     * One table of the report: which indicator, for what, which figures, and which one the chart shows — for the times
     * to a milestone the share within 24 months, which every cohort has while most have no median yet.
     */
    private record Spec(
            String indicator, Map<String, String> options, List<String> figures, String charted, Labels title) {}

    private static final List<Spec> SPECS = List.of(
            new Spec(
                    "persons",
                    Map.of(),
                    List.of("persons", "inCourse", "employed", "receivingBenefits"),
                    "persons",
                    new Labels("Personen in Begleitung am Stichtag", "Persons in support on the reference date")),
            new Spec(
                    "time-to-milestone",
                    Map.of(TimeToMilestone.MILESTONE, "CEFR_B1"),
                    List.of("persons", "reached", "medianDays", "shareWithin12Months", "shareWithin24Months"),
                    "shareWithin24Months",
                    new Labels("Zeit von der Einreise bis Sprachniveau B1", "Time from entry to level B1")),
            new Spec(
                    "time-to-milestone",
                    Map.of(TimeToMilestone.MILESTONE, "EMPLOYMENT"),
                    List.of("persons", "reached", "medianDays", "shareWithin12Months", "shareWithin24Months"),
                    "shareWithin24Months",
                    new Labels(
                            "Zeit von der Einreise bis zur ersten Beschäftigung",
                            "Time from entry to first employment")),
            new Spec(
                    "course-outcomes",
                    Map.of(),
                    List.of("persons", "completed", "certifiedB1", "droppedOut", "reEntered"),
                    "completed",
                    new Labels("Kursverläufe", "Course outcomes")),
            new Spec(
                    "waiting-time",
                    Map.of(),
                    List.of("persons", "meanDays", "medianDays", "shareWithin6Weeks"),
                    "medianDays",
                    new Labels("Wartezeit auf den Kursbeginn", "Waiting time for a course")),
            new Spec(
                    "employment-after-course",
                    Map.of(),
                    List.of("persons", "employed", "share"),
                    "share",
                    new Labels("Beschäftigung sechs Monate nach dem Kurs", "Employment six months after a course")));

    private final Map<String, Indicator> indicators;
    private final IndicatorReads reads;
    private final Targets targets;
    private final AccessLog accessLog;
    private final Clock clock;

    IntegrationReportReads(
            List<Indicator> indicators, IndicatorReads reads, Targets targets, AccessLog accessLog, Clock clock) {
        this.indicators = indicators.stream().collect(Collectors.toMap(Indicator::name, Function.identity()));
        this.reads = reads;
        this.targets = targets;
        this.accessLog = accessLog;
        this.clock = clock;
    }

    IntegrationReport report(int year, Instant asOf, Language language, KiimUser reader) {
        Map<List<Object>, List<Path>> read = new HashMap<>();
        Tables tables = (indicator, query) -> reads.table(
                indicator,
                query,
                language,
                read.computeIfAbsent(
                        List.of(query.enteredFrom(), query.enteredTo(), query.asOf()), key -> reads.paths(query)));
        LocalDate today = LocalDate.ofInstant(clock.instant(), DISTRICT);
        LocalDate yearEnd = LocalDate.of(year, 12, 31);
        LocalDate referenceDate = yearEnd.isAfter(today) ? today : yearEnd;
        List<Integer> cohorts =
                IntStream.rangeClosed(year - COHORTS + 1, year).boxed().toList();
        List<IntegrationReport.Section> sections = new ArrayList<>();
        for (Spec spec : SPECS) {
            sections.add(cohortSection(spec, referenceDate, asOf, cohorts, language, tables));
        }
        sections.add(transitions(year, referenceDate, asOf, language, tables));
        IntegrationReport report = new IntegrationReport(
                year,
                referenceDate,
                asOf,
                cohorts,
                reads.protection(),
                sections,
                targetRows(cohorts, referenceDate, asOf, language, tables));
        accessLog.recordAggregate(reader, "integration-report year=" + year + " asOf=" + asOf);
        return report;
    }

    /** The report's tables, which share the paths they read (most cover the same range and time). */
    @FunctionalInterface
    private interface Tables {
        IndicatorAnswer table(Indicator indicator, IndicatorQuery query);
    }

    private IntegrationReport.Section cohortSection(
            Spec spec, LocalDate referenceDate, Instant asOf, List<Integer> cohorts, Language language, Tables tables) {
        Indicator indicator = indicators.get(spec.indicator());
        IndicatorQuery query = IndicatorQueries.cohorts(
                referenceDate,
                asOf,
                cohorts.get(0) + ".." + cohorts.get(cohorts.size() - 1),
                LocalDate.of(cohorts.get(0), 1, 1),
                LocalDate.of(cohorts.get(cohorts.size() - 1), 12, 31),
                false,
                List.of(Dimension.COHORT),
                Map.of(),
                spec.options());
        IndicatorAnswer answer = tables.table(indicator, query);
        Map<String, Map<String, Object>> byCohort = new LinkedHashMap<>();
        for (Map<String, Object> cell : answer.cells()) {
            @SuppressWarnings("unchecked")
            Map<String, String> group = (Map<String, String>) cell.get("group");
            byCohort.put(group.get(Dimension.COHORT.parameter()), cell);
        }
        List<String> header = new ArrayList<>(List.of(Dimension.COHORT.label(language)));
        spec.figures().forEach(figure -> header.add(header(indicator, figure, language)));
        List<List<String>> rows = new ArrayList<>();
        List<Double> charted = new ArrayList<>();
        List<String> marks = new ArrayList<>();
        for (int cohort : cohorts) {
            Map<String, Object> cell = byCohort.get(Integer.toString(cohort));
            List<String> row = new ArrayList<>(List.of(Integer.toString(cohort)));
            spec.figures().forEach(figure -> row.add(text(indicator, cell, figure, language)));
            rows.add(row);
            Object value = cell == null ? null : cell.get(spec.charted());
            charted.add(
                    value instanceof Number number && !withheld(cell, spec.charted()) ? number.doubleValue() : null);
            marks.add(text(indicator, cell, spec.charted(), language));
        }
        List<String> total = new ArrayList<>(List.of(language.pick("Insgesamt", "Total")));
        spec.figures().forEach(figure -> total.add(text(indicator, answer.total(), figure, language)));
        rows.add(total);
        String title = language.pick(spec.title());
        String chartTitle = title + ": " + header(indicator, spec.charted(), language);
        return new IntegrationReport.Section(
                title,
                language.pick(indicator.definition()),
                header,
                rows,
                BarChart.svg(chartTitle, cohorts.stream().map(String::valueOf).toList(), charted, marks));
    }

    private IntegrationReport.Section transitions(
            int year, LocalDate referenceDate, Instant asOf, Language language, Tables tables) {
        Indicator indicator = indicators.get("benefit-transitions");
        IndicatorQuery query = new IndicatorQuery(
                referenceDate,
                asOf,
                null,
                LocalDate.of(Period.FIRST_YEAR, 1, 1),
                referenceDate,
                List.of(),
                Map.of(),
                Map.of(BenefitTransitions.PERIOD, Integer.toString(year)));
        IndicatorAnswer answer = tables.table(indicator, query);
        List<List<String>> rows = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        List<String> marks = new ArrayList<>();
        for (Map<String, Object> cell : answer.cells()) {
            @SuppressWarnings("unchecked")
            Map<String, String> group = (Map<String, String>) cell.get("groupLabels");
            String label = group.get(Dimension.TRANSITION.parameter());
            String persons = text(indicator, cell, IndicatorReads.PERSONS, language);
            rows.add(List.of(label, persons));
            labels.add(shortTransition(cell));
            values.add(cell.get(IndicatorReads.PERSONS) instanceof Number number ? number.doubleValue() : null);
            marks.add(persons);
        }
        rows.add(List.of(
                language.pick("Insgesamt", "Total"),
                text(indicator, answer.total(), IndicatorReads.PERSONS, language)));
        String title =
                language.pick("Wechsel zwischen Leistungssystemen im Jahr ", "Changes of benefit regime in ") + year;
        return new IntegrationReport.Section(
                title,
                language.pick(indicator.definition()),
                List.of(Dimension.TRANSITION.label(language), language.pick("Personen", "persons")),
                rows,
                BarChart.svg(title, labels, values, marks));
    }

    private static String shortTransition(Map<String, Object> cell) {
        @SuppressWarnings("unchecked")
        Map<String, String> group = (Map<String, String>) cell.get("group");
        return group.get(Dimension.TRANSITION.parameter()).replace(">", " → ").replace('_', ' ');
    }

    /** Every target of the report's cohorts that held at {@code asOf}, with the cohort's figure beside it. */
    private List<IntegrationReport.TargetRow> targetRows(
            List<Integer> cohorts, LocalDate referenceDate, Instant asOf, Language language, Tables tables) {
        List<IntegrationReport.TargetRow> rows = new ArrayList<>();
        for (Targets.Target target : targets.holdingAt(asOf)) {
            Indicator indicator = indicators.get(target.indicator());
            if (indicator == null
                    || !cohorts.contains(Integer.parseInt(target.cohort().substring(0, 4)))
                    || !answerable(indicator, target.options())) {
                continue;
            }
            Period cohort = Period.parse(target.cohort(), false).orElseThrow();
            IndicatorQuery query = IndicatorQueries.cohorts(
                    referenceDate,
                    asOf,
                    target.cohort(),
                    cohort.first(),
                    cohort.last(),
                    target.cohort().contains("-Q"),
                    List.of(),
                    Map.of(),
                    target.options());
            IndicatorAnswer answer = tables.table(indicator, query);
            answer.targets().stream()
                    .filter(status -> status.targetId().equals(target.targetId()))
                    .findFirst()
                    .ifPresent(status -> rows.add(new IntegrationReport.TargetRow(
                            language.pick(indicator.title()) + milestone(target, language),
                            target.cohort(),
                            header(indicator, target.figure(), language),
                            label(TargetComparison.class, target.comparison(), language) + " "
                                    + plain(target.value().doubleValue(), language),
                            status.actual() == null
                                    ? WITHHELD
                                    : plain(status.actual().doubleValue(), language),
                            status.distance() == null
                                    ? WITHHELD
                                    : signed(status.distance().doubleValue(), language),
                            status.met() == null
                                    ? WITHHELD
                                    : language.pick(
                                            status.met() ? "erreicht" : "nicht erreicht",
                                            status.met() ? "met" : "not met"),
                            label(TargetReason.class, target.reason(), language)
                                    + (target.reference() == null ? "" : " (" + target.reference() + ")"))));
        }
        return rows;
    }

    /** Whether the target names the parameters its indicator takes, with values it accepts. */
    private static boolean answerable(Indicator indicator, Map<String, String> options) {
        return indicator.parameters().size() == options.size()
                && indicator.parameters().stream()
                        .allMatch(parameter -> options.containsKey(parameter.name())
                                && parameter.valid().test(options.get(parameter.name())));
    }

    private static String milestone(Targets.Target target, Language language) {
        String code = target.options().get(TimeToMilestone.MILESTONE);
        return code == null ? "" : ": " + label(Milestone.class, code, language);
    }

    private static <V extends Vocabulary> String label(Class<V> vocabulary, String code, Language language) {
        return Vocabulary.byCode(vocabulary, code)
                .map(value -> language.pick(value.labels()))
                .orElse(code);
    }

    private static String header(Indicator indicator, String figure, Language language) {
        if (figure.equals(IndicatorReads.PERSONS)) {
            return language.pick("Personen", "persons");
        }
        return indicator.figures().stream()
                .filter(candidate -> candidate.name().equals(figure))
                .map(candidate -> language.pick(candidate.header()))
                .findFirst()
                .orElse(figure);
    }

    private static boolean withheld(Map<String, Object> cell, String figure) {
        if (Boolean.TRUE.equals(cell.get("suppressed"))) {
            return true;
        }
        Object withheld = cell.get("suppressedFigures");
        return withheld instanceof List<?> names && names.contains(figure);
    }

    /** A figure of a cell as the report prints it. */
    private static String text(Indicator indicator, Map<String, Object> cell, String figure, Language language) {
        if (cell == null) {
            return NOTHING;
        }
        if (withheld(cell, figure)) {
            return WITHHELD;
        }
        Object value = cell.get(figure);
        if (value == null) {
            return UNDEFINED;
        }
        boolean share = indicator.figures().stream()
                .anyMatch(candidate ->
                        candidate.name().equals(figure) && candidate.kind() == Indicator.Figure.Kind.SHARE);
        double number = ((Number) value).doubleValue();
        if (share) {
            return Math.round(number * 100) + (language == Language.DE ? " %" : "%");
        }
        return plain(number, language);
    }

    private static String plain(double number, Language language) {
        return BarChart.number(number, language == Language.DE ? Locale.GERMANY : Locale.ENGLISH);
    }

    private static String signed(double number, Language language) {
        return (number > 0 ? "+" : "") + plain(number, language);
    }
}
