package de.kiim.events.vocabulary;

/**
 * The legal regime under which a person receives benefits (<em>Rechtskreis</em>). A change between them, the
 * <em>Rechtskreiswechsel</em>, is where information used to get lost.
 */
public enum BenefitRegime implements Vocabulary {
    ASYLBLG("Asylbewerberleistungsgesetz (AsylbLG)", "Asylum Seekers' Benefits Act (AsylbLG)"),
    SGB_II("SGB II (Bürgergeld, Jobcenter)", "SGB II (citizen's income, Jobcenter)"),
    SGB_III("SGB III (Arbeitsförderung, Agentur für Arbeit)", "SGB III (employment promotion, employment agency)"),
    SGB_XII("SGB XII (Sozialhilfe)", "SGB XII (social assistance)"),
    NONE("Kein Leistungsbezug", "No benefits");

    private final Labels labels;

    BenefitRegime(String labelDe, String labelEn) {
        this.labels = new Labels(labelDe, labelEn);
    }

    @Override
    public Labels labels() {
        return labels;
    }
}
