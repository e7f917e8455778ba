package de.kiim.query.indicators;

import de.kiim.events.vocabulary.Vocabulary;
import de.kiim.events.vocabulary.Vocabulary.Labels;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.springframework.stereotype.Component;

/**
 * {@code time-to-milestone}: days from entry to a milestone, estimated by Kaplan–Meier so that persons still on the
 * way count as far as they got (docs/indicators.md).
 */
@Component
class TimeToMilestone implements Indicator {

    static final String MILESTONE = "milestone";
    static final String REACHED = "reached";
    /** Months as days from entry for the shares: 6 months are 183 days, 12 are 365, and so on (365.25 / 12 a month). */
    static final int[] MONTHS = {6, 12, 18, 24};

    @Override
    public String name() {
        return "time-to-milestone";
    }

    @Override
    public Labels title() {
        return new Labels("Zeit bis zum Meilenstein", "Time to milestone");
    }

    @Override
    public Labels definition() {
        return new Labels(
                "Tage von der Einreise bis zum Meilenstein (Kaplan–Meier-Schätzung): Median, Quartile, 95-%-"
                        + "Konfidenzintervall des Medians und Anteil, der ihn binnen 6, 12, 18 und 24 Monaten erreicht. "
                        + "Wer ihn bis zum Stichtag nicht erreicht hat, wegzog oder die Begleitung beendete, zählt bis "
                        + "dahin (zensiert).",
                "Days from entry to the milestone (Kaplan–Meier estimate): median, quartiles, 95 % confidence "
                        + "interval of the median, and the share reaching it within 6, 12, 18 and 24 months. Persons "
                        + "who have not reached it by the reference date, moved away or ended support count until "
                        + "then (censored).");
    }

    @Override
    public List<Parameter> parameters() {
        String codes = String.join(
                ", ", Arrays.stream(Milestone.values()).map(Vocabulary::code).toList());
        return List.of(new Parameter(
                MILESTONE,
                "one of " + codes,
                code -> Vocabulary.byCode(Milestone.class, code).isPresent()));
    }

    @Override
    public List<Figure> figures() {
        List<Figure> figures = new ArrayList<>(List.of(
                new Figure("reached", new Labels("erreicht", "reached"), Figure.Kind.COUNT),
                new Figure("medianDays", new Labels("Median (Tage)", "median (days)"), Figure.Kind.DAYS),
                new Figure("quartile1Days", new Labels("1. Quartil (Tage)", "1st quartile (days)"), Figure.Kind.DAYS),
                new Figure("quartile3Days", new Labels("3. Quartil (Tage)", "3rd quartile (days)"), Figure.Kind.DAYS),
                new Figure(
                        "medianLowerDays",
                        new Labels("Median, 95-%-KI unten (Tage)", "median, 95 % CI lower (days)"),
                        Figure.Kind.DAYS),
                new Figure(
                        "medianUpperDays",
                        new Labels("Median, 95-%-KI oben (Tage)", "median, 95 % CI upper (days)"),
                        Figure.Kind.DAYS)));
        for (int months : MONTHS) {
            figures.add(new Figure(
                    shareName(months),
                    new Labels("Anteil binnen " + months + " Monaten", "share within " + months + " months"),
                    Figure.Kind.SHARE));
        }
        return figures;
    }

    static String shareName(int months) {
        return "shareWithin" + months + "Months";
    }

    @Override
    public boolean counts(Path person, IndicatorQuery query) {
        LocalDate day = query.referenceDate();
        return person.entryDate != null
                && !person.entryDate.isAfter(day)
                && person.registeredOn != null
                && !person.registeredOn.isAfter(day)
                && milestone(query).atRisk(person, day);
    }

    @Override
    public Figures compute(List<Path> persons, IndicatorQuery query) {
        Milestone milestone = milestone(query);
        LocalDate day = query.referenceDate();
        long[] times = new long[persons.size()];
        boolean[] reached = new boolean[persons.size()];
        Tally reachedTally = new Tally();
        for (int i = 0; i < persons.size(); i++) {
            Path person = persons.get(i);
            Optional<LocalDate> reachedOn = milestone.firstDay(person).filter(on -> !on.isAfter(day));
            LocalDate until = reachedOn.orElse(day);
            Optional<LocalDate> left = person.firstExitBetween(person.entryDate, until)
                    .filter(exit -> reachedOn.isEmpty() || exit.isBefore(reachedOn.get()));
            reached[i] = reachedOn.isPresent() && left.isEmpty();
            times[i] = Math.max(0, ChronoUnit.DAYS.between(person.entryDate, left.orElse(until)));
            if (reached[i]) {
                reachedTally.add(person);
            }
        }
        KaplanMeier estimate = new KaplanMeier(times, reached);
        long events = estimate.events();
        Figures figures = new Figures();
        figures.counts.put(REACHED, reachedTally);
        figures.statistics.put("medianDays", new Statistic(estimate.median(), events, REACHED));
        figures.statistics.put("quartile1Days", new Statistic(estimate.quantile(0.25), events, REACHED));
        figures.statistics.put("quartile3Days", new Statistic(estimate.quantile(0.75), events, REACHED));
        figures.statistics.put("medianLowerDays", new Statistic(estimate.medianLower(), events, REACHED));
        figures.statistics.put("medianUpperDays", new Statistic(estimate.medianUpper(), events, REACHED));
        for (int months : MONTHS) {
            long days = Math.round(months * 365.25 / 12);
            long within = IntStream.range(0, times.length)
                    .filter(i -> reached[i] && times[i] <= days)
                    .count();
            figures.statistics.put(
                    shareName(months), Statistic.share(1 - estimate.survivalAt(days), persons.size(), within, REACHED));
        }
        return figures;
    }

    private static Milestone milestone(IndicatorQuery query) {
        return Vocabulary.byCode(Milestone.class, query.options().get(MILESTONE))
                .orElseThrow();
    }
}
