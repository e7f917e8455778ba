package de.kiim.query.indicators;

import de.kiim.events.vocabulary.Vocabulary.Labels;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * {@code benefit-transitions}: who changed from one benefit regime to another within a year, quarter or month (an
 * AsylbLG → SGB II hand-over, leaving SGB II for no benefits …), always grouped by the change.
 */
@Component
class BenefitTransitions implements Indicator {

    static final String PERIOD = "period";

    @Override
    public String name() {
        return "benefit-transitions";
    }

    @Override
    public Labels title() {
        return new Labels("Wechsel zwischen Leistungssystemen", "Transitions between benefit regimes");
    }

    @Override
    public Labels definition() {
        return new Labels(
                "Personen, deren Leistungssystem im Zeitraum (Jahr, Quartal oder Monat, bis zum Stichtag) von einem "
                        + "erfassten System in ein anderes wechselte, je Wechsel.",
                "Persons whose benefit regime changed from one recorded regime to another within the period (year, "
                        + "quarter or month, up to the reference date), per change.");
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(new Parameter(
                PERIOD,
                "a year, quarter or month (2025, 2025-Q2, 2025-03)",
                value -> Period.parse(value, true).isPresent()));
    }

    @Override
    public List<Dimension> groupedBy() {
        return List.of(Dimension.TRANSITION);
    }

    @Override
    public List<Figure> figures() {
        return List.of();
    }

    @Override
    public boolean counts(Path person, IndicatorQuery query) {
        return true;
    }

    @Override
    public List<Path> units(Path person, IndicatorQuery query) {
        Period period = Period.parse(query.options().get(PERIOD), true).orElseThrow();
        return person.perTransition().stream()
                .filter(view -> period.contains(view.transition.on())
                        && !view.transition.on().isAfter(query.referenceDate()))
                .toList();
    }

    @Override
    public Figures compute(List<Path> units, IndicatorQuery query) {
        return new Figures();
    }
}
