package de.kiim.command.imports;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The answer to an import: where it stands, its counts, and the lines that need attention (duplicates and invalid
 * lines, up to {@link #ATTENTION_LIMIT}); every line's result, created ones included, is at {@code rows}.
 */
record ImportReport(Summary summary, List<RowResult> needsAttention, String rows) {

    static final int ATTENTION_LIMIT = 1000;

    record Counts(int rows, int created, int duplicate, int invalid) {}

    /** @param failure why a FAILED import stopped; null otherwise */
    record Summary(
            UUID importId,
            ImportFormat format,
            ImportState state,
            String importedBy,
            Instant startedAt,
            Instant finishedAt,
            String failure,
            Counts counts) {}
}
