package de.kiim.events.vocabulary;

/** How a language level was established (<em>Art der Feststellung</em>). */
public enum AssessmentMethod implements Vocabulary {
    PLACEMENT_TEST("Einstufungstest", "Placement test"),
    EXAM("Prüfung", "Exam"),
    CERTIFICATE("Vorgelegtes Zertifikat", "Certificate presented"),
    COUNSELLOR_ESTIMATE("Einschätzung der Beratung", "Counsellor's estimate");

    private final Labels labels;

    AssessmentMethod(String labelDe, String labelEn) {
        this.labels = new Labels(labelDe, labelEn);
    }

    @Override
    public Labels labels() {
        return labels;
    }
}
