package de.kiim.command.imports;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.kiim.platform.web.FieldProblem;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.NoSuchElementException;

/** Reads newline-delimited JSON, one registration per line as for {@code POST /api/v1/persons}; blank lines skip. */
final class NdjsonSource implements Iterator<SourceRow> {

    /** Far above any registration line (its strings are at most a few hundred characters). */
    static final int MAX_LINE_CHARS = 16 * 1024;

    private final BoundedLines lines;
    private final ObjectMapper json;
    private int lineNumber;
    private BoundedLines.Line next;

    NdjsonSource(InputStream body, ObjectMapper json) {
        this.lines = new BoundedLines(
                new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8)), MAX_LINE_CHARS);
        this.json = json;
        advance();
    }

    private void advance() {
        try {
            do {
                next = lines.next();
                lineNumber++;
            } while (next != null && !next.tooLong() && next.text().isBlank());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public boolean hasNext() {
        return next != null;
    }

    @Override
    public SourceRow next() {
        if (next == null) {
            throw new NoSuchElementException();
        }
        BoundedLines.Line line = next;
        int number = lineNumber;
        advance();
        if (line.tooLong()) {
            return SourceRow.unreadable(
                    number, new FieldProblem("line", "is longer than " + MAX_LINE_CHARS + " characters"));
        }
        try {
            JsonNode node = json.readTree(line.text());
            if (node instanceof ObjectNode object) {
                return SourceRow.read(number, object);
            }
            return SourceRow.unreadable(number, new FieldProblem("line", "must be a JSON object"));
        } catch (JsonProcessingException e) {
            return SourceRow.unreadable(number, new FieldProblem("line", "is not well-formed JSON"));
        }
    }
}
