package de.kiim.events.vocabulary;

/** The skill a language assessment rates (<em>Fertigkeit</em>); {@link #OVERALL} for a single overall level. */
public enum LanguageSkill implements Vocabulary {
    LISTENING("Hören", "Listening"),
    READING("Lesen", "Reading"),
    WRITING("Schreiben", "Writing"),
    SPEAKING("Sprechen", "Speaking"),
    OVERALL("Gesamt", "Overall");

    private final Labels labels;

    LanguageSkill(String labelDe, String labelEn) {
        this.labels = new Labels(labelDe, labelEn);
    }

    @Override
    public Labels labels() {
        return labels;
    }
}
