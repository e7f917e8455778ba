package de.kiim.events.vocabulary;

/**
 * The decision on the recognition of a foreign professional qualification (<em>Anerkennungsbescheid</em>,
 * BQFG): equivalent, partly equivalent (a compensation measure can close the gap), or not equivalent.
 */
public enum RecognitionOutcome implements Vocabulary {
    FULL("Volle Gleichwertigkeit", "Fully equivalent"),
    PARTIAL(
            "Teilweise Gleichwertigkeit (Ausgleichsmaßnahme möglich)",
            "Partly equivalent (compensation measure possible)"),
    NONE("Keine Gleichwertigkeit", "Not equivalent");

    private final Labels labels;

    RecognitionOutcome(String labelDe, String labelEn) {
        this.labels = new Labels(labelDe, labelEn);
    }

    @Override
    public Labels labels() {
        return labels;
    }
}
