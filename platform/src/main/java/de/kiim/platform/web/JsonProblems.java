package de.kiim.platform.web;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import java.util.stream.Collectors;

/** A JSON value that does not fit its field, as a {@link FieldProblem}: the field's path and why, never the value. */
public final class JsonProblems {

    private JsonProblems() {}

    public static FieldProblem of(JsonMappingException mapping) {
        return new FieldProblem(mapping.getPath().isEmpty() ? "body" : path(mapping), reason(mapping));
    }

    private static String path(JsonMappingException mapping) {
        return mapping.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."))
                .replace(".[", "[");
    }

    private static String reason(JsonMappingException mapping) {
        if (mapping instanceof TextDeserializer.ControlCharacterFound controlCharacter) {
            return controlCharacter.reason();
        }
        if (mapping instanceof DateDeserializer.DateOutOfRange) {
            return DateDeserializer.REASON;
        }
        if (mapping instanceof UnrecognizedPropertyException) {
            return "is not a known field";
        }
        if (mapping instanceof InvalidFormatException format && format.getTargetType() != null) {
            return "must be a valid " + describe(format.getTargetType());
        }
        if (mapping instanceof ValueInstantiationException || mapping instanceof MismatchedInputException) {
            Class<?> target = mapping instanceof MismatchedInputException mismatch ? mismatch.getTargetType() : null;
            return target == null ? "has an invalid value" : "must be a valid " + describe(target);
        }
        return "has an invalid value";
    }

    static String describe(Class<?> type) {
        return switch (type.getSimpleName()) {
            case "LocalDate" -> "date (YYYY-MM-DD)";
            case "Instant", "OffsetDateTime" -> "timestamp (ISO 8601)";
            case "UUID" -> "UUID";
            default -> type.isEnum() ? "code" : type.getSimpleName();
        };
    }
}
