package de.kiim.command.imports;

import java.util.Optional;
import org.springframework.http.MediaType;

/** The file formats an import accepts, by the request's Content-Type. */
enum ImportFormat {
    /** UTF-8, {@code ;}-separated, a header line naming the columns (see docs/imports.md). */
    CSV(MediaType.valueOf("text/csv")),
    /** One JSON object per line, with the fields of {@code POST /api/v1/persons}. */
    NDJSON(MediaType.valueOf("application/x-ndjson"));

    private final MediaType mediaType;

    ImportFormat(MediaType mediaType) {
        this.mediaType = mediaType;
    }

    MediaType mediaType() {
        return mediaType;
    }

    static Optional<ImportFormat> of(String contentType) {
        if (contentType == null) {
            return Optional.empty();
        }
        MediaType type = MediaType.parseMediaType(contentType);
        for (ImportFormat format : values()) {
            if (format.mediaType.isCompatibleWith(type)) {
                return Optional.of(format);
            }
        }
        return Optional.empty();
    }
}
