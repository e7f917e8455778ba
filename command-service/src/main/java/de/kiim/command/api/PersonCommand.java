package de.kiim.command.api;

import de.kiim.events.PersonId;
import java.time.LocalDate;
import java.util.List;

/**
 * A command that records one step of a person's integration path. Which agency kinds may send it is the
 * entitlement policy's {@code sends} (by the command's simple name); the {@code Person} aggregate checks the rules
 * every step shares before any handler runs: the person is not erased, the client's {@code If-Match} version is
 * current, and no date of the step lies before the person's birth. Commands of data stewards (erasure, legal
 * holds) are not steps and are governed by role alone.
 */
public interface PersonCommand {

    PersonId personId();

    /** The day the step happened (domain time, as opposed to when it was recorded). */
    LocalDate occurredOn();

    /** Every date of the step that must not lie before the person's birth; the step's own day by default. */
    default List<LocalDate> datesToCheck() {
        return List.of(occurredOn());
    }
}
