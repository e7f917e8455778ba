package de.kiim.query.indicators;

import de.kiim.events.vocabulary.BenefitRegime;
import de.kiim.events.vocabulary.Vocabulary.Labels;
import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Component;

/** {@code persons}: who is in support on the reference date, and how many of them attend a course, work, receive benefits. */
@Component
class PersonsInSupport implements Indicator {

    private static final Labels HEADER_IN_COURSE = new Labels("im Kurs", "in a course");
    private static final Labels HEADER_EMPLOYED = new Labels("beschäftigt", "employed");
    private static final Labels HEADER_BENEFITS = new Labels("im Leistungsbezug", "receiving benefits");

    @Override
    public String name() {
        return "persons";
    }

    @Override
    public Labels title() {
        return new Labels("Personen in Begleitung", "Persons in support");
    }

    @Override
    public Labels definition() {
        return new Labels(
                "Registrierte Personen am Stichtag, die weder weggezogen sind noch deren Begleitung beendet ist; "
                        + "davon im Kurs, beschäftigt und im Leistungsbezug am Stichtag.",
                "Registered persons on the reference date who have neither moved away nor ended support; of them, "
                        + "those attending a course, employed and receiving benefits on that day.");
    }

    @Override
    public List<Figure> figures() {
        return List.of(
                new Figure("inCourse", HEADER_IN_COURSE, Figure.Kind.COUNT),
                new Figure("employed", HEADER_EMPLOYED, Figure.Kind.COUNT),
                new Figure("receivingBenefits", HEADER_BENEFITS, Figure.Kind.COUNT));
    }

    @Override
    public boolean counts(Path person, IndicatorQuery query) {
        return person.inSupportOn(query.referenceDate());
    }

    @Override
    public Figures compute(List<Path> persons, IndicatorQuery query) {
        LocalDate day = query.referenceDate();
        Figures figures = new Figures();
        Tally inCourse = new Tally();
        Tally employed = new Tally();
        Tally benefits = new Tally();
        for (Path person : persons) {
            if (person.courses.values().stream().anyMatch(course -> course.attendedOn(day))) {
                inCourse.add(person);
            }
            if (person.employments.values().stream().anyMatch(employment -> employment.on(day))) {
                employed.add(person);
            }
            String regime = Path.valueOn(person.benefitRegime, day);
            if (regime != null && !BenefitRegime.NONE.code().equals(regime)) {
                benefits.add(person);
            }
        }
        figures.counts.put("inCourse", inCourse);
        figures.counts.put("employed", employed);
        figures.counts.put("receivingBenefits", benefits);
        return figures;
    }
}
