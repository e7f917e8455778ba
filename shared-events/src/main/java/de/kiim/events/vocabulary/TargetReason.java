package de.kiim.events.vocabulary;

/**
 * On what a target, or its withdrawal, rests (<em>Grundlage der Zielvorgabe</em>): a code, with a file or resolution
 * number beside it, never free text (an event's free text would be personal data, docs/privacy.md).
 */
public enum TargetReason implements Vocabulary {
    KREISTAG_RESOLUTION("Beschluss des Kreistags", "Resolution of the district council"),
    INTEGRATION_CONCEPT("Integrationskonzept des Landkreises", "The district's integration concept"),
    TARGET_AGREEMENT("Ziel- oder Zuwendungsvereinbarung", "Target or funding agreement"),
    ADMINISTRATION_DECISION("Entscheidung der Verwaltungsleitung", "Decision of the administration's head"),
    CORRECTION("Berichtigung einer Zielvorgabe", "Correction of a target");

    private final Labels labels;

    TargetReason(String labelDe, String labelEn) {
        this.labels = new Labels(labelDe, labelEn);
    }

    @Override
    public Labels labels() {
        return labels;
    }
}
