package de.kiim.command.imports;

import com.fasterxml.jackson.databind.node.ObjectNode;
import de.kiim.platform.web.FieldProblem;
import java.util.List;

/**
 * One line of an import as read: either the fields of a registration, in the JSON form of
 * {@code POST /api/v1/persons}, or the problems that kept it from being read.
 */
record SourceRow(int lineNumber, ObjectNode fields, List<FieldProblem> problems) {

    static SourceRow read(int lineNumber, ObjectNode fields) {
        return new SourceRow(lineNumber, fields, List.of());
    }

    static SourceRow unreadable(int lineNumber, FieldProblem... problems) {
        return new SourceRow(lineNumber, null, List.of(problems));
    }
}
