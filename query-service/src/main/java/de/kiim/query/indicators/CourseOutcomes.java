package de.kiim.query.indicators;

import de.kiim.events.vocabulary.CefrLevel;
import de.kiim.events.vocabulary.Vocabulary.Labels;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * {@code course-outcomes}: how the course participations of a cohort went by the reference date, per course type when
 * grouped by {@code courseType}. Each participation (episode) counts with its own outcomes — a person who dropped
 * out of one course and completed the next counts in both — and every figure is a number of persons.
 */
@Component
class CourseOutcomes implements Indicator {

    /** The levels reported as certified; A1 to C1 are what the course types aim at. */
    static final List<CefrLevel> LEVELS = List.of(CefrLevel.A1, CefrLevel.A2, CefrLevel.B1, CefrLevel.B2, CefrLevel.C1);

    @Override
    public String name() {
        return "course-outcomes";
    }

    @Override
    public Labels title() {
        return new Labels("Kursverläufe", "Course outcomes");
    }

    @Override
    public Labels definition() {
        return new Labels(
                "Kursteilnahmen bis zum Stichtag: Personen, die einen Kurs abgeschlossen haben, mit dem "
                        + "bescheinigten Sprachniveau, die ihn unterbrochen oder abgebrochen haben, und die nach einem "
                        + "Abbruch oder einer Unterbrechung wieder eingestiegen sind.",
                "Course participations up to the reference date: persons who completed a course, with the level "
                        + "certified, who interrupted or dropped out of one, and who came back after dropping out or "
                        + "an interruption.");
    }

    @Override
    public List<Figure> figures() {
        List<Figure> figures = new ArrayList<>(
                List.of(new Figure("completed", new Labels("abgeschlossen", "completed"), Figure.Kind.COUNT)));
        for (CefrLevel level : LEVELS) {
            figures.add(new Figure(
                    certified(level),
                    new Labels("mit " + level.code() + " bescheinigt", "certified " + level.code()),
                    Figure.Kind.COUNT));
        }
        figures.add(new Figure("interrupted", new Labels("unterbrochen", "interrupted"), Figure.Kind.COUNT));
        figures.add(new Figure("droppedOut", new Labels("abgebrochen", "dropped out"), Figure.Kind.COUNT));
        figures.add(new Figure("reEntered", new Labels("wieder eingestiegen", "came back"), Figure.Kind.COUNT));
        return figures;
    }

    static String certified(CefrLevel level) {
        return "certified" + level.code();
    }

    @Override
    public boolean counts(Path person, IndicatorQuery query) {
        return true;
    }

    @Override
    public List<Path> units(Path person, IndicatorQuery query) {
        return person.perCourseBy(query.referenceDate());
    }

    @Override
    public Figures compute(List<Path> units, IndicatorQuery query) {
        LocalDate day = query.referenceDate();
        Figures figures = new Figures();
        Tally completed = new Tally();
        List<Tally> certified = LEVELS.stream().map(level -> new Tally()).toList();
        Tally interrupted = new Tally();
        Tally droppedOut = new Tally();
        Tally reEntered = new Tally();
        for (Path unit : units) {
            Path.Course course = unit.focus;
            if (on(course.completedOn, day)) {
                completed.add(unit);
                course.certifiedLevel()
                        .filter(LEVELS::contains)
                        .ifPresent(level -> certified.get(LEVELS.indexOf(level)).add(unit));
            }
            boolean wasInterrupted = course.interruptions.stream().anyMatch(d -> !d.isAfter(day));
            if (wasInterrupted) {
                interrupted.add(unit);
            }
            if (on(course.droppedOutOn, day)) {
                droppedOut.add(unit);
            }
            if (cameBack(unit, course, day)) {
                reEntered.add(unit);
            }
        }
        figures.counts.put("completed", completed);
        for (int i = 0; i < LEVELS.size(); i++) {
            figures.counts.put(certified(LEVELS.get(i)), certified.get(i));
        }
        figures.counts.put("interrupted", interrupted);
        figures.counts.put("droppedOut", droppedOut);
        figures.counts.put("reEntered", reEntered);
        return figures;
    }

    /** Resumed after an interruption, or enrolled in another course after dropping out or being interrupted. */
    private static boolean cameBack(Path unit, Path.Course course, LocalDate day) {
        if (course.resumptions.stream().anyMatch(d -> !d.isAfter(day))) {
            return true;
        }
        LocalDate left = course.droppedOutOn != null
                ? course.droppedOutOn
                : course.interruptions.stream().min(LocalDate::compareTo).orElse(null);
        return left != null
                && !left.isAfter(day)
                && unit.courses.values().stream()
                        .anyMatch(other ->
                                other != course && other.enrolledOn.isAfter(left) && !other.enrolledOn.isAfter(day));
    }

    private static boolean on(LocalDate happened, LocalDate day) {
        return happened != null && !happened.isAfter(day);
    }
}
