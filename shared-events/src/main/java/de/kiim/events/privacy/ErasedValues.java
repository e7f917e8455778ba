package de.kiim.events.privacy;

/**
 * What a personal field reads as once its data subject's key is destroyed: text becomes {@link #STRING}, every
 * other type {@code null}. Reading an erased event never fails.
 */
public final class ErasedValues {

    public static final String STRING = "[erased]";

    private ErasedValues() {}

    /** Whether a value read from a personal field is the replacement of an erased one. */
    public static boolean isErased(Object value) {
        return STRING.equals(value);
    }
}
