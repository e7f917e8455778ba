package de.kiim.events.vocabulary;

/** Why a course was interrupted (<em>Unterbrechungsgrund</em>). */
public enum InterruptionReason implements Vocabulary {
    ILLNESS("Krankheit", "Illness"),
    PREGNANCY_OR_CHILDCARE("Schwangerschaft, Mutterschutz oder Kinderbetreuung", "Pregnancy, maternity or childcare"),
    EMPLOYMENT("Arbeitsaufnahme", "Took up work"),
    MOVE("Umzug", "Move"),
    COURSE_CANCELLED("Kurs ausgefallen", "Course cancelled by the provider"),
    OTHER("Sonstiger Grund", "Other reason");

    private final Labels labels;

    InterruptionReason(String labelDe, String labelEn) {
        this.labels = new Labels(labelDe, labelEn);
    }

    @Override
    public Labels labels() {
        return labels;
    }
}
