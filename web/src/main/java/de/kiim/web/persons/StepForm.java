package de.kiim.web.persons;

import de.kiim.events.vocabulary.Vocabulary;
import java.util.List;

/**
 * A form for one integration step: the command service's resource under {@code /api/v1/persons/{id}/} (which
 * is also the form's address), the command it sends (the page offers the form only where the caller's agency may
 * send it), and its fields by their API names.
 */
public record StepForm(String path, String command, List<Field> fields) {

    public enum Kind {
        TEXT,
        LONG_TEXT,
        DATE,
        /** One code of a vocabulary, from a picker. */
        CHOICE,
        /** Several codes of a vocabulary, from checkboxes. */
        CHOICES
    }

    /** One field: its API name, how it is entered, its vocabulary (for pickers), whether the API requires it. */
    public record Field(String name, Kind kind, Class<? extends Vocabulary> vocabulary, boolean required) {

        static Field text(String name, boolean required) {
            return new Field(name, Kind.TEXT, null, required);
        }

        static Field longText(String name) {
            return new Field(name, Kind.LONG_TEXT, null, false);
        }

        /** A day; optional everywhere, where the API takes today when it is absent, unless said otherwise. */
        static Field date(String name, boolean required) {
            return new Field(name, Kind.DATE, null, required);
        }

        static Field choice(String name, Class<? extends Vocabulary> vocabulary, boolean required) {
            return new Field(name, Kind.CHOICE, vocabulary, required);
        }

        static Field choices(String name, Class<? extends Vocabulary> vocabulary) {
            return new Field(name, Kind.CHOICES, vocabulary, true);
        }

        public Choices options() {
            return vocabulary == null ? new Choices(List.of()) : Choices.of(vocabulary);
        }
    }
}
