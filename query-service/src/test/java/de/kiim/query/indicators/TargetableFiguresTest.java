package de.kiim.query.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import de.kiim.events.targets.TargetableFigures;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The command side checks targets against TargetableFigures: every figure named there is one the indicator has. */
class TargetableFiguresTest {

    private final List<Indicator> indicators = List.of(
            new PersonsInSupport(),
            new TimeToMilestone(),
            new CourseOutcomes(),
            new WaitingTime(),
            new EmploymentAfterCourse(),
            new BenefitTransitions());

    @Test
    void every_targetable_figure_is_a_figure_of_its_indicator_with_its_parameter() {
        for (String name : TargetableFigures.indicators()) {
            Indicator indicator = indicators.stream()
                    .filter(candidate -> candidate.name().equals(name))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no indicator " + name));
            List<String> figures = new ArrayList<>(List.of(IndicatorReads.PERSONS));
            indicator.figures().forEach(figure -> figures.add(figure.name()));
            TargetableFigures.Figures targetable = TargetableFigures.of(name).orElseThrow();
            assertThat(figures).as(name).containsAll(targetable.figures());
            assertThat(indicator.parameters().stream()
                            .map(Indicator.Parameter::name)
                            .toList())
                    .as(name)
                    .isEqualTo(targetable.option() == null ? List.of() : List.of(targetable.option()));
            for (String value : targetable.optionValues()) {
                assertThat(indicator.parameters().get(0).valid().test(value))
                        .as(value)
                        .isTrue();
            }
        }
        assertThat(TargetableFigures.of("time-to-milestone").orElseThrow().optionValues())
                .containsExactlyInAnyOrderElementsOf(
                        Arrays.stream(Milestone.values()).map(Milestone::code).toList());
    }
}
