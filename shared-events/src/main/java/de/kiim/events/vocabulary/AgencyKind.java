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

    private final String labelDe;
    private final String labelEn;

    AgencyKind(String labelDe, String labelEn) {
        this.labelDe = labelDe;
        this.labelEn = labelEn;
    }

    @Override
    public String code() {
        return name();
    }

    @Override
    public String labelDe() {
        return labelDe;
    }

    @Override
    public String labelEn() {
        return labelEn;
    }
}
