package de.kiim.command.imports;

import com.fasterxml.jackson.annotation.JsonInclude;
import de.kiim.platform.web.FieldProblem;
import java.util.List;
import java.util.UUID;

/**
 * The outcome of one line: the person registered, the candidates it likely duplicates, or what is wrong with it.
 * Never a value from the line: it may be personal data.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
record RowResult(int line, RowOutcome outcome, UUID personId, List<UUID> candidates, List<FieldProblem> problems) {

    static RowResult created(int line, UUID personId) {
        return new RowResult(line, RowOutcome.CREATED, personId, List.of(), List.of());
    }

    static RowResult duplicate(int line, List<UUID> candidates) {
        return new RowResult(line, RowOutcome.DUPLICATE, null, candidates, List.of());
    }

    static RowResult invalid(int line, List<FieldProblem> problems) {
        return new RowResult(line, RowOutcome.INVALID, null, List.of(), problems);
    }
}
