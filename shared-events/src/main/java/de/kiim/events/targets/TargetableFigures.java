package de.kiim.events.targets;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The indicators' figures a target can be set for, and the parameter each indicator needs: the one list the command
 * side checks targets against and the query side's indicators are tested against (docs/indicators.md).
 */
public final class TargetableFigures {

    /** One indicator: the figures of its total, and the name of its required parameter (null: none). */
    public record Figures(List<String> figures, String option) {}

    private static final Map<String, Figures> INDICATORS = Map.of(
            "persons",
            new Figures(List.of("persons", "inCourse", "employed", "receivingBenefits"), null),
            "time-to-milestone",
            new Figures(
                    List.of(
                            "reached",
                            "medianDays",
                            "quartile1Days",
                            "quartile3Days",
                            "shareWithin6Months",
                            "shareWithin12Months",
                            "shareWithin18Months",
                            "shareWithin24Months"),
                    "milestone"),
            "course-outcomes",
            new Figures(
                    List.of(
                            "persons",
                            "completed",
                            "certifiedA1",
                            "certifiedA2",
                            "certifiedB1",
                            "certifiedB2",
                            "certifiedC1",
                            "interrupted",
                            "droppedOut",
                            "reEntered"),
                    null),
            "waiting-time",
            new Figures(List.of("meanDays", "medianDays", "shareWithin6Weeks"), null),
            "employment-after-course",
            new Figures(List.of("persons", "employed", "share"), null));

    private TargetableFigures() {}

    public static Optional<Figures> of(String indicator) {
        return Optional.ofNullable(INDICATORS.get(indicator));
    }

    public static List<String> indicators() {
        return INDICATORS.keySet().stream().sorted().toList();
    }
}
