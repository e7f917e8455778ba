package de.kiim.events.vocabulary;

/** The requirement level of an occupation, the fifth digit of a {@link KldbCode} (<em>Anforderungsniveau</em>). */
public enum RequirementLevel implements Vocabulary {
    HELPER("Helfer- und Anlerntätigkeiten", "Unskilled or semi-skilled work"),
    SKILLED("Fachlich ausgerichtete Tätigkeiten", "Skilled work"),
    SPECIALIST("Komplexe Spezialistentätigkeiten", "Complex specialist work"),
    EXPERT("Hoch komplexe Tätigkeiten", "Highly complex work");

    private final Labels labels;

    RequirementLevel(String labelDe, String labelEn) {
        this.labels = new Labels(labelDe, labelEn);
    }

    @Override
    public Labels labels() {
        return labels;
    }
}
