package de.kiim.platform.web;

/**
 * Control characters (Unicode category Cc: U+0000–U+001F, U+007F–U+009F) have no place in the data Kiim keeps.
 * PostgreSQL refuses NUL in text and jsonb outright, and the others hide in names, logs and exports. Free texts
 * meant for several lines ({@link MultiLineText}) may hold tab and line breaks. So have no place the invisible
 * characters that reorder or hide text (the bidirectional controls, zero-width space, word joiner, byte order
 * mark): an agency's or a person's name written right to left by U+202E reads as another name in every list. The
 * joiners that some scripts' spelling needs (U+200C, U+200D) and the soft hyphen stay allowed.
 */
public final class ControlCharacters {

    /** The reason given for a refused value; it never repeats the value. */
    public static final String REASON = "must not contain control characters";

    public static final String MULTI_LINE_REASON = "must not contain control characters other than tab and line breaks";

    private ControlCharacters() {}

    /** Whether {@code text} holds a control character, other than tab, line feed and carriage return if allowed. */
    public static boolean contains(String text, boolean lineBreaksAllowed) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) && !(lineBreaksAllowed && (c == '\t' || c == '\n' || c == '\r'))
                    || isHidingFormat(c)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isHidingFormat(char c) {
        return c == '\u061C'
                || c == '\u200B'
                || c == '\u200E'
                || c == '\u200F'
                || c >= '\u202A' && c <= '\u202E'
                || c >= '\u2060' && c <= '\u2069'
                || c == '\uFEFF'
                || c >= '\uFFF9' && c <= '\uFFFB';
    }

    /** {@code text} without NUL characters, which PostgreSQL cannot store in text or jsonb; null stays null. */
    public static String withoutNul(String text) {
        return text == null || text.indexOf('\0') < 0 ? text : text.replace("\0", "");
    }
}
