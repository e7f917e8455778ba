package de.kiim.query.indicators;

import de.kiim.events.vocabulary.CefrLevel;
import de.kiim.events.vocabulary.ExamResult;
import de.kiim.events.vocabulary.Vocabulary;
import java.time.LocalDate;
import java.util.Optional;

/** CEFR levels as the indicators compare them: a level is reached when it or a higher one is found. */
final class Levels {

    private Levels() {}

    /** The level an exam result certifies: the DTZ's B1 and A2; none for the rest. */
    static Optional<String> certifiedBy(String examResult) {
        return Vocabulary.byCode(ExamResult.class, examResult).flatMap(result -> switch (result) {
            case DTZ_B1 -> Optional.of(CefrLevel.B1.code());
            case DTZ_A2 -> Optional.of(CefrLevel.A2.code());
            default -> Optional.empty();
        });
    }

    /** The first day on which {@code level} or a higher one was found on the path. */
    static Optional<LocalDate> firstReached(Path path, CefrLevel level) {
        return path.levels.stream()
                .filter(found -> Vocabulary.byCode(CefrLevel.class, found.value())
                        .filter(reached -> reached.compareTo(level) >= 0)
                        .isPresent())
                .map(Path.Change::from)
                .findFirst();
    }
}
