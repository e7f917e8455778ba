package de.kiim.events.vocabulary;

/**
 * Kinds of language and orientation course (<em>Kursart</em>): the Integrationskurs and its special forms
 * (IntV § 13), the job-related Berufssprachkurs (DeuFöV) by target level, and the Erstorientierungskurs.
 */
public enum CourseType implements Vocabulary {
    INTEGRATION_GENERAL("Allgemeiner Integrationskurs", "General integration course", null),
    INTEGRATION_YOUTH("Jugendintegrationskurs", "Integration course for young people", null),
    INTEGRATION_PARENTS("Elternintegrationskurs", "Integration course for parents", null),
    INTEGRATION_WOMEN("Frauenintegrationskurs", "Integration course for women", null),
    INTEGRATION_LITERACY("Integrationskurs mit Alphabetisierung", "Integration course with literacy training", null),
    INTEGRATION_INTENSIVE("Intensivkurs", "Intensive integration course", null),
    INTEGRATION_SECOND_WRITING_SYSTEM(
            "Integrationskurs für Zweitschriftlernende",
            "Integration course for learners of a second writing system",
            null),
    BERUFSSPRACHKURS_A2("Berufssprachkurs mit Ziel A2", "Job-related language course, target A2", CefrLevel.A2),
    BERUFSSPRACHKURS_B1("Berufssprachkurs mit Ziel B1", "Job-related language course, target B1", CefrLevel.B1),
    BERUFSSPRACHKURS_B2("Berufssprachkurs mit Ziel B2", "Job-related language course, target B2", CefrLevel.B2),
    BERUFSSPRACHKURS_C1("Berufssprachkurs mit Ziel C1", "Job-related language course, target C1", CefrLevel.C1),
    ERSTORIENTIERUNGSKURS("Erstorientierungskurs", "Initial orientation course", null),
    OTHER("Sonstiger Sprachkurs", "Other language course", null);

    private final Labels labels;
    private final CefrLevel targetLevel;

    CourseType(String labelDe, String labelEn, CefrLevel targetLevel) {
        this.labels = new Labels(labelDe, labelEn);
        this.targetLevel = targetLevel;
    }

    @Override
    public Labels labels() {
        return labels;
    }

    /** The level a course aims at, where its type fixes one (the Berufssprachkurse); {@code null} otherwise. */
    public CefrLevel targetLevel() {
        return targetLevel;
    }
}
