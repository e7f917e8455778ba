package de.kiim.events.vocabulary;

/**
 * Results of the exams that end an Integrationskurs (<em>Prüfungsergebnis</em>): the Deutsch-Test für
 * Zuwanderer (DTZ, scaled A2/B1) and the test Leben in Deutschland (LiD). A completed course records at most one
 * result of each exam.
 */
public enum ExamResult implements Vocabulary {
    DTZ_B1("DTZ bestanden mit B1", "DTZ passed at B1", Exam.DTZ),
    DTZ_A2("DTZ bestanden mit A2", "DTZ passed at A2", Exam.DTZ),
    DTZ_BELOW_A2("DTZ unter A2", "DTZ below A2", Exam.DTZ),
    LID_PASSED("Leben in Deutschland bestanden", "Life in Germany test passed", Exam.LID),
    LID_FAILED("Leben in Deutschland nicht bestanden", "Life in Germany test failed", Exam.LID);

    private final Labels labels;
    private final Exam exam;

    ExamResult(String labelDe, String labelEn, Exam exam) {
        this.labels = new Labels(labelDe, labelEn);
        this.exam = exam;
    }

    @Override
    public Labels labels() {
        return labels;
    }

    /** The exams whose results these are; a course has at most one result per exam. */
    public enum Exam {
        DTZ,
        LID
    }

    public Exam exam() {
        return exam;
    }
}
