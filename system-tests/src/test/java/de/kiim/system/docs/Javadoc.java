package de.kiim.system.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The class Javadoc of a type in shared-events, read from its source: the description and its {@code @param}s. */
record Javadoc(String description, Map<String, String> params) {

    private static final Pattern TYPE_COMMENT =
            Pattern.compile("/\\*\\*(.*?)\\*/\\s*(?:@[^\\n]*\\n\\s*)*public", Pattern.DOTALL);

    static Javadoc of(Class<?> type) {
        Path source = Path.of(
                "..", "shared-events", "src", "main", "java", type.getName().replace('.', '/') + ".java");
        try {
            Matcher comment = TYPE_COMMENT.matcher(Files.readString(source, StandardCharsets.UTF_8));
            return comment.find() ? parse(comment.group(1)) : new Javadoc("", Map.of());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Javadoc parse(String comment) {
        StringBuilder description = new StringBuilder();
        Map<String, String> params = new LinkedHashMap<>();
        String currentParam = null;
        for (String raw : comment.split("\n")) {
            String line = markdown(raw.replaceFirst("^\\s*\\*\\s?", "").strip());
            if (line.startsWith("@param")) {
                String[] parts = line.split("\\s+", 3);
                currentParam = parts[1];
                params.put(currentParam, parts.length > 2 ? parts[2] : "");
            } else if (line.startsWith("@")) {
                currentParam = null;
            } else if (currentParam != null) {
                params.merge(currentParam, " " + line, String::concat);
            } else {
                description.append(line.isEmpty() ? "\n\n" : line + " ");
            }
        }
        return new Javadoc(description.toString().replaceAll(" *\n\n *", "\n\n").strip(), params);
    }

    private static String markdown(String javadoc) {
        return javadoc.replaceAll("\\{@(?:code|link) ([^}]*)}", "`$1`")
                .replaceAll("</?em>", "*")
                .replace("<p>", "");
    }
}
