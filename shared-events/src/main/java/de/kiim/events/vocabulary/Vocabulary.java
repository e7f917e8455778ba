package de.kiim.events.vocabulary;

/**
 * A closed list of categories with stable codes. Codes are stored in events and never change or disappear;
 * new values are only ever added, so every event ever written stays readable.
 */
public interface Vocabulary {

    /** A value's names for people, in German and English. */
    record Labels(String de, String en) {
    }

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

    /** Finds the value of {@code type} with the given code, ignoring case; empty when no value has it. */
    static <V extends Enum<V> & Vocabulary> java.util.Optional<V> byCode(Class<V> type, String code) {
        if (code == null) {
            return java.util.Optional.empty();
        }
        for (V value : type.getEnumConstants()) {
            if (value.code().equalsIgnoreCase(code.trim())) {
                return java.util.Optional.of(value);
            }
        }
        return java.util.Optional.empty();
    }
}
