package de.kiim.command.imports;

/** Where an import stands. */
enum ImportState {
    RUNNING,
    COMPLETED,
    /** Stopped by an error; the lines read so far are recorded. Send the file again to import the rest. */
    FAILED,
    /** Its instance stopped while it ran. Send the file again: lines already imported come back as duplicates. */
    INTERRUPTED
}
