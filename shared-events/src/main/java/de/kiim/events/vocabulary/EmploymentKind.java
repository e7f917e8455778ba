package de.kiim.events.vocabulary;

/** The kind of work a person took up (<em>Art der Beschäftigung</em>). */
public enum EmploymentKind implements Vocabulary {
    EMPLOYMENT("Sozialversicherungspflichtige Beschäftigung", "Employment subject to social insurance"),
    APPRENTICESHIP("Berufsausbildung", "Apprenticeship"),
    MINI_JOB("Geringfügige Beschäftigung (Minijob)", "Marginal employment (mini-job)"),
    SELF_EMPLOYMENT("Selbständige Tätigkeit", "Self-employment"),
    INTERNSHIP("Praktikum", "Internship"),
    WORK_OPPORTUNITY("Arbeitsgelegenheit (§ 16d SGB II, § 5 AsylbLG)", "Work opportunity (§ 16d SGB II, § 5 AsylbLG)"),
    VOLUNTARY_SERVICE("Freiwilligendienst", "Voluntary service");

    private final Labels labels;

    EmploymentKind(String labelDe, String labelEn) {
        this.labels = new Labels(labelDe, labelEn);
    }

    @Override
    public Labels labels() {
        return labels;
    }
}
