package de.kiim.events.vocabulary;

/** Why a job or apprenticeship ended (<em>Beendigungsgrund</em>). */
public enum EmploymentEndReason implements Vocabulary {
    FIXED_TERM_EXPIRED("Befristung abgelaufen", "Fixed term expired"),
    RESIGNED("Kündigung durch die beschäftigte Person", "Resigned"),
    DISMISSED("Kündigung durch den Arbeitgeber", "Dismissed"),
    COMPLETED("Ausbildung oder Maßnahme abgeschlossen", "Apprenticeship or measure completed"),
    MUTUAL_AGREEMENT("Aufhebungsvertrag", "Mutual agreement"),
    OTHER("Sonstiger Grund", "Other reason");

    private final Labels labels;

    EmploymentEndReason(String labelDe, String labelEn) {
        this.labels = new Labels(labelDe, labelEn);
    }

    @Override
    public Labels labels() {
        return labels;
    }
}
