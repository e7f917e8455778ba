package de.kiim.events.vocabulary;

/** What a counselling session was about (<em>Beratungsthema</em>). */
public enum CounsellingTopic implements Vocabulary {
    RESIDENCE_LAW("Aufenthaltsrecht", "Residence law"),
    LANGUAGE_COURSES("Sprachkurse", "Language courses"),
    SCHOOL_AND_EDUCATION("Schule und Bildung", "School and education"),
    RECOGNITION("Anerkennung von Abschlüssen", "Recognition of qualifications"),
    WORK_AND_TRAINING("Arbeit und Ausbildung", "Work and training"),
    BENEFITS("Sozialleistungen", "Benefits"),
    HOUSING("Wohnen", "Housing"),
    HEALTH("Gesundheit", "Health"),
    FAMILY("Familie und Kinder", "Family and children"),
    DEBT("Schulden", "Debt"),
    SOCIAL_PARTICIPATION("Soziale Teilhabe", "Social participation"),
    OTHER("Sonstiges", "Other");

    private final Labels labels;

    CounsellingTopic(String labelDe, String labelEn) {
        this.labels = new Labels(labelDe, labelEn);
    }

    @Override
    public Labels labels() {
        return labels;
    }
}
