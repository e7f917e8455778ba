package de.kiim.events.vocabulary;

/** What a person consented to (<em>Zweck der Einwilligung</em>). */
public enum ConsentPurpose implements Vocabulary {
    CASE_SHARING("Weitergabe der Falldaten an die empfangende Stelle", "Sharing case data with the receiving agency"),
    COUNSELLING("Beratung und Begleitung", "Counselling and support"),
    COURSE_PLACEMENT("Vermittlung in Sprach- und Integrationskurse", "Placement in language and integration courses"),
    JOB_PLACEMENT("Vermittlung in Arbeit und Ausbildung", "Placement in work and training");

    private final Labels labels;

    ConsentPurpose(String labelDe, String labelEn) {
        this.labels = new Labels(labelDe, labelEn);
    }

    @Override
    public Labels labels() {
        return labels;
    }
}
