package de.kiim.query.indicators;

import de.kiim.events.vocabulary.Vocabulary.Labels;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * {@code waiting-time}: days from the enrolment with the course provider to the course's first day, for the courses
 * begun by the reference date — the BAMF's <em>Wartezeit</em> (docs/indicators.md).
 */
@Component
class WaitingTime implements Indicator {

    /** The BAMF's aim: a course within six weeks of registering for it. */
    static final int SIX_WEEKS = 42;

    @Override
    public String name() {
        return "waiting-time";
    }

    @Override
    public Labels title() {
        return new Labels("Wartezeit auf den Kursbeginn", "Waiting time for a course");
    }

    @Override
    public Labels definition() {
        return new Labels(
                "Tage von der Anmeldung beim Kursträger bis zum ersten Kurstag, für die bis zum Stichtag "
                        + "begonnenen Kurse: Mittelwert, Median und Anteil binnen sechs Wochen.",
                "Days from the enrolment with the course provider to the first course day, for the courses begun by "
                        + "the reference date: mean, median and the share within six weeks.");
    }

    @Override
    public List<Figure> figures() {
        return List.of(
                new Figure("meanDays", new Labels("Mittelwert (Tage)", "mean (days)"), Figure.Kind.DAYS),
                new Figure("medianDays", new Labels("Median (Tage)", "median (days)"), Figure.Kind.DAYS),
                new Figure(
                        "shareWithin6Weeks",
                        new Labels("Anteil binnen 6 Wochen", "share within 6 weeks"),
                        Figure.Kind.SHARE));
    }

    @Override
    public boolean counts(Path person, IndicatorQuery query) {
        return true;
    }

    @Override
    public List<Path> units(Path person, IndicatorQuery query) {
        return person.perCourseBy(query.referenceDate()).stream()
                .filter(unit -> unit.focus.begunBy(query.referenceDate()))
                .toList();
    }

    @Override
    public Figures compute(List<Path> units, IndicatorQuery query) {
        long[] days = units.stream()
                .mapToLong(unit -> Math.max(0, ChronoUnit.DAYS.between(unit.focus.enrolledOn, unit.focus.startsOn)))
                .sorted()
                .toArray();
        Tally persons = new Tally();
        units.forEach(persons::add);
        long basis = persons.count();
        Figures figures = new Figures();
        if (days.length == 0) {
            figures.statistics.put("meanDays", new Statistic(null, 0));
            figures.statistics.put("medianDays", new Statistic(null, 0));
            figures.statistics.put("shareWithin6Weeks", new Statistic(null, 0));
            return figures;
        }
        double mean = Arrays.stream(days).average().orElseThrow();
        double median = days.length % 2 == 1
                ? days[days.length / 2]
                : (days[days.length / 2 - 1] + days[days.length / 2]) / 2.0;
        long withinSixWeeks = Arrays.stream(days).filter(d -> d <= SIX_WEEKS).count();
        // Whole days: a mean to the decimal, beside a count, lets two cells' means be subtracted to one person's wait.
        figures.statistics.put("meanDays", new Statistic(Math.round(mean), basis));
        figures.statistics.put("medianDays", new Statistic(median, basis));
        figures.statistics.put(
                "shareWithin6Weeks",
                Statistic.share((double) withinSixWeeks / days.length, days.length, withinSixWeeks, null));
        return figures;
    }
}
