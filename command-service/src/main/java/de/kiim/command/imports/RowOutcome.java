package de.kiim.command.imports;

/** What became of one line of an import. */
enum RowOutcome {
    /** A person was registered. */
    CREATED,
    /** Likely a person already registered (same folded names and birth date, or the same AZR number). */
    DUPLICATE,
    /** Not a valid registration; the problems name fields and reasons. */
    INVALID
}
