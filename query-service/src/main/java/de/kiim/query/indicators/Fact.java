package de.kiim.query.indicators;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One statistical fact of an event, in clear codes and days only.
 *
 * @param episode the course enrolment or employment it belongs to, keyed like the subject; null for others
 * @param since   a second day: the entry date, or a course's first day
 */
record Fact(FactKind kind, String code, UUID episode, LocalDate occurredOn, LocalDate since, Instant recordedAt) {

    static Fact of(FactKind kind, String code, LocalDate occurredOn, Instant recordedAt) {
        return new Fact(kind, code, null, occurredOn, null, recordedAt);
    }
}
