package de.kiim.platform.web;

import java.util.List;

/**
 * A request that bean validation cannot judge alone was refused, e.g. a malformed header or a field whose rule
 * depends on another. Answered like a validation failure: 400 naming each field and the reason.
 */
public class InvalidRequest extends RuntimeException {

    private final List<FieldProblem> problems;

    public InvalidRequest(FieldProblem... problems) {
        super("Invalid request");
        this.problems = List.of(problems);
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
