package de.kiim.events.vocabulary;

/**
 * A level of the Common European Framework of Reference for Languages (<em>GER-Niveau</em>), ordered from
 * A1 to C2: {@code compareTo} tells which is higher.
 */
public enum CefrLevel implements Vocabulary {
    A1("A1 – Anfänger", "A1 – Beginner"),
    A2("A2 – Grundlegende Kenntnisse", "A2 – Elementary"),
    B1("B1 – Fortgeschrittene Sprachverwendung", "B1 – Intermediate"),
    B2("B2 – Selbständige Sprachverwendung", "B2 – Upper intermediate"),
    C1("C1 – Fachkundige Sprachkenntnisse", "C1 – Advanced"),
    C2("C2 – Annähernd muttersprachliche Kenntnisse", "C2 – Proficient");

    private final Labels labels;

    CefrLevel(String labelDe, String labelEn) {
        this.labels = new Labels(labelDe, labelEn);
    }

    @Override
    public Labels labels() {
        return labels;
    }
}
