package de.kiim.command.imports;

import java.io.IOException;
import java.io.Reader;

/**
 * Reads lines of at most {@code maxChars} characters: a longer line is skipped to its end and reported as too long,
 * so that a file with one line of a gigabyte costs no more memory than one of a hundred bytes.
 */
final class BoundedLines {

    /** A line, or the note that it was too long (then {@code text} is null). */
    record Line(String text, boolean tooLong) {}

    private final Reader in;
    private final int maxChars;

    BoundedLines(Reader in, int maxChars) {
        this.in = in;
        this.maxChars = maxChars;
    }

    /** The next line without its terminator ({@code \n}, {@code \r\n}), or null at the end of the input. */
    Line next() throws IOException {
        StringBuilder line = new StringBuilder();
        boolean tooLong = false;
        int c = in.read();
        if (c < 0) {
            return null;
        }
        while (c >= 0 && c != '\n') {
            if (!tooLong && line.length() == maxChars) {
                tooLong = true;
                line.setLength(0);
            }
            if (!tooLong) {
                line.append((char) c);
            }
            c = in.read();
        }
        if (tooLong) {
            return new Line(null, true);
        }
        int last = line.length() - 1;
        if (last >= 0 && line.charAt(last) == '\r') {
            line.setLength(last);
        }
        return new Line(line.toString(), false);
    }
}
