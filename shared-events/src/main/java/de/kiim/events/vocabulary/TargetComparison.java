package de.kiim.events.vocabulary;

/** Whether a target is met at or below its value (a waiting time) or at or above it (a share in work). */
public enum TargetComparison implements Vocabulary {
    AT_MOST("höchstens", "at most"),
    AT_LEAST("mindestens", "at least");

    private final Labels labels;

    TargetComparison(String labelDe, String labelEn) {
        this.labels = new Labels(labelDe, labelEn);
    }

    @Override
    public Labels labels() {
        return labels;
    }
}
