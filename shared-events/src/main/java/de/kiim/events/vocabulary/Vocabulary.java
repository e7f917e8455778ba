package de.kiim.events.vocabulary;

import java.util.Arrays;
import java.util.Optional;

/**
 * A closed list of categories with stable codes. Codes are stored in events and never change or disappear;
 * new values are only ever added, so every event ever written stays readable.
 */
public interface Vocabulary {

    /** A value's names for people, in German and English. */
    record Labels(String de, String en) {}

    Labels labels();

    /** The stable code stored in events and sent by clients: the enum constant's name. */
    default String code() {
        return ((Enum<?>) this).name();
    }

    default String labelDe() {
        return labels().de();
    }

    default String labelEn() {
        return labels().en();
    }

    /**
     * The value of {@code type} with exactly this code; empty when no value has it. The one lookup of a code, for
     * request validation, search parameters and labels alike, and the one decision on case: codes are matched
     * exactly. {@code female} is not {@code FEMALE}, so every client learns the one spelling the events store, and
     * no reader guesses differently from another.
     */
    static <V extends Vocabulary> Optional<V> byCode(Class<V> type, String code) {
        V[] values = type.getEnumConstants();
        if (code == null || values == null) {
            return Optional.empty();
        }
        return Arrays.stream(values).filter(value -> value.code().equals(code)).findFirst();
    }
}
