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

    private final BufferedReader lines;
    private final ObjectMapper json;
    private int lineNumber;
    private String next;

    NdjsonSource(InputStream body, ObjectMapper json) {
        this.lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8));
        this.json = json;
        advance();
    }

    private void advance() {
        try {
            do {
                next = lines.readLine();
                lineNumber++;
            } while (next != null && next.isBlank());
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
        String line = next;
        int number = lineNumber;
        advance();
        try {
            JsonNode node = json.readTree(line);
            if (node instanceof ObjectNode object) {
                return SourceRow.read(number, object);
            }
            return SourceRow.unreadable(number, new FieldProblem("line", "must be a JSON object"));
        } catch (JsonProcessingException e) {
            return SourceRow.unreadable(number, new FieldProblem("line", "is not well-formed JSON"));
        }
    }
}
