package de.kiim.query.indicators;

import de.kiim.events.vocabulary.Vocabulary.Labels;
import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * {@code employment-after-course}: of the persons whose course ended (completed or dropped out) at least six months
 * before the reference date, those employed six months after the end — the fixed window of the BA's
 * <em>Eingliederungsquote</em> (docs/indicators.md).
 */
@Component
class EmploymentAfterCourse implements Indicator {

    static final int SIX_MONTHS = 183;

    @Override
    public String name() {
        return "employment-after-course";
    }

    @Override
    public Labels title() {
        return new Labels("Beschäftigung sechs Monate nach dem Kurs", "Employment six months after a course");
    }

    @Override
    public Labels definition() {
        return new Labels(
                "Personen, deren Kurs mindestens sechs Monate (183 Tage) vor dem Stichtag endete (abgeschlossen oder "
                        + "abgebrochen), und davon die, die 183 Tage nach dem Kursende beschäftigt waren.",
                "Persons whose course ended (completed or dropped out) at least six months (183 days) before the "
                        + "reference date, and of them those employed 183 days after the end.");
    }

    @Override
    public List<Figure> figures() {
        return List.of(
                new Figure(
                        "employed",
                        new Labels("nach 6 Monaten beschäftigt", "employed after 6 months"),
                        Figure.Kind.COUNT),
                new Figure("share", new Labels("Anteil beschäftigt", "share employed"), Figure.Kind.SHARE));
    }

    @Override
    public boolean counts(Path person, IndicatorQuery query) {
        return true;
    }

    @Override
    public List<Path> units(Path person, IndicatorQuery query) {
        LocalDate latestEnd = query.referenceDate().minusDays(SIX_MONTHS);
        return person.perCourseBy(query.referenceDate()).stream()
                .filter(unit -> end(unit.focus) != null && !end(unit.focus).isAfter(latestEnd))
                .toList();
    }

    @Override
    public Figures compute(List<Path> units, IndicatorQuery query) {
        Tally employed = new Tally();
        for (Path unit : units) {
            LocalDate window = end(unit.focus).plusDays(SIX_MONTHS);
            if (unit.employments.values().stream().anyMatch(employment -> employment.on(window))) {
                employed.add(unit);
            }
        }
        Figures figures = new Figures();
        figures.counts.put("employed", employed);
        figures.ratios.put("share", new Ratio("employed", IndicatorReads.PERSONS));
        return figures;
    }

    private static LocalDate end(Path.Course course) {
        return course.completedOn != null ? course.completedOn : course.droppedOutOn;
    }
}
