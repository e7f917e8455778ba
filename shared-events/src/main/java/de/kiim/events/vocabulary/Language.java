package de.kiim.events.vocabulary;

import java.util.Locale;

/** The languages Kiim labels its categories in; German first, as its users work in German. */
public enum Language {
    DE(Locale.GERMAN),
    EN(Locale.ENGLISH);

    private final Locale locale;

    Language(Locale locale) {
        this.locale = locale;
    }

    public Locale locale() {
        return locale;
    }

    public String pick(Vocabulary.Labels labels) {
        return this == DE ? labels.de() : labels.en();
    }

    public String pick(String german, String english) {
        return this == DE ? german : english;
    }

    /** English for an English locale, German for everything else. */
    public static Language of(Locale locale) {
        return locale != null && locale.getLanguage().equals(Locale.ENGLISH.getLanguage()) ? EN : DE;
    }
}
