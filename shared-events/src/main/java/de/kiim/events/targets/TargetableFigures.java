package de.kiim.events.targets;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The indicators' figures a target can be set for, and the parameter each indicator needs: the one list the command
 * side checks targets against and the query side's indicators are tested against (docs/indicators.md).
 */
public final class TargetableFigures {

    /**
     * One indicator: the figures of its total, and the name of its required parameter (null: none) with the values it
     * takes.
     */
    public record Figures(List<String> figures, String option, List<String> optionValues) {

        Figures(List<String> figures) {
            this(figures, null, List.of());
        }
    }

    /** The milestones of {@code time-to-milestone}. */
    private static final List<String> MILESTONES = List.of(
            "COURSE_START",
            "COURSE_COMPLETED",
            "CEFR_A1",
            "CEFR_A2",
            "CEFR_B1",
            "CEFR_B2",
            "EMPLOYMENT",
            "BENEFITS_LEFT");

    private static final Map<String, Figures> INDICATORS = Map.of(
            "persons",
            new Figures(List.of("persons", "inCourse", "employed", "receivingBenefits")),
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
                    "milestone",
                    MILESTONES),
            "course-outcomes",
            new Figures(List.of(
                    "persons",
                    "completed",
                    "certifiedA1",
                    "certifiedA2",
                    "certifiedB1",
                    "certifiedB2",
                    "certifiedC1",
                    "interrupted",
                    "droppedOut",
                    "reEntered")),
            "waiting-time",
            new Figures(List.of("meanDays", "medianDays", "shareWithin6Weeks")),
            "employment-after-course",
            new Figures(List.of("persons", "employed", "share")));

    private TargetableFigures() {}

    public static Optional<Figures> of(String indicator) {
        return Optional.ofNullable(INDICATORS.get(indicator));
    }

    public static List<String> indicators() {
        return INDICATORS.keySet().stream().sorted().toList();
    }
}
