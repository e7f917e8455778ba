package de.kiim.events.vocabulary;

/** The legal basis of a processing or a transfer of data (<em>Rechtsgrundlage</em>). */
public enum LegalBasis implements Vocabulary {
    GDPR_6_1_A("Einwilligung (Art. 6 Abs. 1 lit. a DSGVO)", "Consent (Art. 6(1)(a) GDPR)"),
    GDPR_6_1_C("Rechtliche Verpflichtung (Art. 6 Abs. 1 lit. c DSGVO)", "Legal obligation (Art. 6(1)(c) GDPR)"),
    GDPR_6_1_E("Öffentliche Aufgabe (Art. 6 Abs. 1 lit. e DSGVO)", "Public task (Art. 6(1)(e) GDPR)"),
    SGB_X_69("Übermittlung für soziale Aufgaben (§ 69 SGB X)", "Transfer for social tasks (§ 69 SGB X)"),
    SGB_II_50("Datenübermittlung im SGB II (§ 50 SGB II)", "Data transfer under SGB II (§ 50 SGB II)"),
    AUFENTHG_86(
            "Erhebung durch Ausländerbehörden (§ 86 AufenthG)",
            "Collection by foreigners' authorities (§ 86 AufenthG)"),
    AUFENTHG_88A(
            "Übermittlungen bei Integrationsmaßnahmen (§ 88a AufenthG)",
            "Transfers for integration measures (§ 88a AufenthG)");

    private final Labels labels;

    LegalBasis(String labelDe, String labelEn) {
        this.labels = new Labels(labelDe, labelEn);
    }

    @Override
    public Labels labels() {
        return labels;
    }
}
