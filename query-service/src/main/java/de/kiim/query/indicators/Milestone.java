package de.kiim.query.indicators;

import de.kiim.events.vocabulary.BenefitRegime;
import de.kiim.events.vocabulary.CefrLevel;
import de.kiim.events.vocabulary.Vocabulary;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.Optional;
import java.util.function.BiPredicate;
import java.util.function.Function;

/** The steps of an integration path whose time from arrival {@code time-to-milestone} estimates (docs/indicators.md). */
enum Milestone implements Vocabulary {
    COURSE_START(
            "Kursbeginn",
            "Course start",
            path -> path.courses.values().stream()
                    .filter(course -> course.begunBy(LocalDate.MAX))
                    .map(course -> course.startsOn)
                    .min(Comparator.naturalOrder())),
    COURSE_COMPLETED(
            "Kursabschluss",
            "Course completed",
            path -> path.courses.values().stream()
                    .map(course -> course.completedOn)
                    .filter(day -> day != null)
                    .min(Comparator.naturalOrder())),
    CEFR_A1("Sprachniveau A1 erreicht", "Level A1 reached", path -> Levels.firstReached(path, CefrLevel.A1)),
    CEFR_A2("Sprachniveau A2 erreicht", "Level A2 reached", path -> Levels.firstReached(path, CefrLevel.A2)),
    CEFR_B1("Sprachniveau B1 erreicht", "Level B1 reached", path -> Levels.firstReached(path, CefrLevel.B1)),
    CEFR_B2("Sprachniveau B2 erreicht", "Level B2 reached", path -> Levels.firstReached(path, CefrLevel.B2)),
    EMPLOYMENT(
            "Erste Beschäftigung",
            "First employment",
            path -> path.employments.values().stream()
                    .map(Path.Employment::startedOn)
                    .min(Comparator.naturalOrder())),
    BENEFITS_LEFT(
            "Leistungsbezug beendet",
            "Benefits left",
            Milestone::firstDayWithoutBenefits,
            (path, day) -> path.benefitRegime.stream()
                    .anyMatch(change -> !change.from().isAfter(day) && receives(change.value())));

    private final Labels labels;
    private final Function<Path, Optional<LocalDate>> firstDay;
    private final BiPredicate<Path, LocalDate> atRisk;

    Milestone(String labelDe, String labelEn, Function<Path, Optional<LocalDate>> firstDay) {
        this(labelDe, labelEn, firstDay, (path, day) -> true);
    }

    Milestone(
            String labelDe,
            String labelEn,
            Function<Path, Optional<LocalDate>> firstDay,
            BiPredicate<Path, LocalDate> atRisk) {
        this.labels = new Labels(labelDe, labelEn);
        this.firstDay = firstDay;
        this.atRisk = atRisk;
    }

    @Override
    public Labels labels() {
        return labels;
    }

    /** The first day the path reached the milestone, as far as it is recorded. */
    Optional<LocalDate> firstDay(Path path) {
        return firstDay.apply(path);
    }

    /** Whether the path can reach it by {@code day} at all: leaving benefits needs benefits first. */
    boolean atRisk(Path path, LocalDate day) {
        return atRisk.test(path, day);
    }

    private static Optional<LocalDate> firstDayWithoutBenefits(Path path) {
        boolean received = false;
        for (Path.Change change : path.benefitRegime) {
            if (receives(change.value())) {
                received = true;
            } else if (received) {
                return Optional.of(change.from());
            }
        }
        return Optional.empty();
    }

    private static boolean receives(String regime) {
        return regime != null && !BenefitRegime.NONE.code().equals(regime);
    }
}
