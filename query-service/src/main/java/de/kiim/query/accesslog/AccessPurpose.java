package de.kiim.query.accesslog;

import de.kiim.events.vocabulary.Vocabulary;

/** Why a person's data was read (<em>Zweck des Zugriffs</em>), as the reader states it with {@code ?purpose=}. */
public enum AccessPurpose implements Vocabulary {
    CASE_WORK("Fallbearbeitung", "Case work"),
    COUNSELLING("Beratung", "Counselling"),
    BENEFIT_DECISION("Leistungsentscheidung", "Benefit decision"),
    COURSE_ADMINISTRATION("Kursverwaltung", "Course administration"),
    DATA_SUBJECT_REQUEST("Auskunft an die betroffene Person (Art. 15 DSGVO)", "Data subject access (Art. 15 GDPR)"),
    /** Aggregated indicators (analysts): recorded with every indicator request. */
    STATISTICS("Statistik und Planung", "Statistics and planning"),
    OTHER("Sonstiger Zweck", "Other purpose");

    private final Labels labels;

    AccessPurpose(String labelDe, String labelEn) {
        this.labels = new Labels(labelDe, labelEn);
    }

    @Override
    public Labels labels() {
        return labels;
    }
}
