package de.kiim.events.vocabulary;

/** Why support for a person ended (<em>Grund für das Ende der Betreuung</em>); each has its own retention period. */
public enum SupportEndReason implements Vocabulary {
    PERMANENT_RESIDENCE("Daueraufenthalt erreicht", "Permanent residence reached"),
    NATURALISED("Eingebürgert", "Naturalised"),
    MOVED_AWAY("Aus dem Kreis verzogen", "Moved out of the district"),
    NO_FURTHER_NEED("Kein weiterer Unterstützungsbedarf", "No further need for support"),
    LEFT_GERMANY("Ausgereist", "Left Germany"),
    DECEASED("Verstorben", "Deceased"),
    DATA_SUBJECT_REQUEST(
            "Löschantrag der betroffenen Person (Art. 17 DSGVO)",
            "Erasure requested by the data subject (Art. 17 GDPR)");

    private final Labels labels;

    SupportEndReason(String labelDe, String labelEn) {
        this.labels = new Labels(labelDe, labelEn);
    }

    @Override
    public Labels labels() {
        return labels;
    }
}
