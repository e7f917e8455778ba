package de.kiim.system.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A document under docs/ that is generated from the code. The test that renders it fails while the committed file
 * differs; run it with {@code -Dkiim.docs.write=true} to write the file instead (see README).
 */
final class GeneratedDoc {

    private GeneratedDoc() {}

    static void check(String name, String rendered) {
        Path file = Path.of("..", "docs", name);
        try {
            if (Boolean.getBoolean("kiim.docs.write")) {
                Files.writeString(file, rendered, StandardCharsets.UTF_8);
                return;
            }
            String committed = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
            assertThat(committed)
                    .as(
                            "docs/%s is out of date; regenerate it with: mvn -B install -DskipTests && "
                                    + "mvn -B -pl system-tests test -Dtest='*DocTest' -Dkiim.docs.write=true",
                            name)
                    .isEqualTo(rendered);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A table cell: pipes escaped, line breaks flattened. */
    static String cell(String text) {
        return text == null ? "" : text.replace("|", "\\|").replace("\n", " ").strip();
    }
}
