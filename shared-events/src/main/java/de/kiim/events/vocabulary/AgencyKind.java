package de.kiim.events.vocabulary;

/** The kinds of institution that take part in integration monitoring (<em>Stellenart</em>). */
public enum AgencyKind implements Vocabulary {
    AUSLAENDERBEHOERDE("Ausländerbehörde", "Foreigners' authority"),
    JOBCENTER("Jobcenter", "Jobcenter"),
    AGENTUR_FUER_ARBEIT("Agentur für Arbeit", "Federal Employment Agency office"),
    SOZIALAMT("Sozialamt", "Social welfare office"),
    MIGRATIONSBERATUNG("Migrationsberatung", "Migration counselling"),
    SPRACHKURSTRAEGER("Sprachkursträger", "Language course provider"),
    INTEGRATIONSMANAGEMENT("Kommunales Integrationsmanagement", "Municipal integration management");

    private final Labels labels;

    AgencyKind(String labelDe, String labelEn) {
        this.labels = new Labels(labelDe, labelEn);
    }

    @Override
    public Labels labels() {
        return labels;
    }
}
