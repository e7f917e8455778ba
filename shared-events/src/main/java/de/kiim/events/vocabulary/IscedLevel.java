package de.kiim.events.vocabulary;

/** A level of the International Standard Classification of Education 2011 (<em>ISCED-Stufe</em>). */
public enum IscedLevel implements Vocabulary {
    ISCED_0(
            "ISCED 0 – Frühkindliche Bildung / keine formale Bildung",
            "ISCED 0 – Early childhood / no formal education"),
    ISCED_1("ISCED 1 – Primarbereich", "ISCED 1 – Primary education"),
    ISCED_2("ISCED 2 – Sekundarbereich I", "ISCED 2 – Lower secondary education"),
    ISCED_3("ISCED 3 – Sekundarbereich II", "ISCED 3 – Upper secondary education"),
    ISCED_4("ISCED 4 – Postsekundarer nichttertiärer Bereich", "ISCED 4 – Post-secondary non-tertiary education"),
    ISCED_5("ISCED 5 – Kurzes tertiäres Bildungsprogramm", "ISCED 5 – Short-cycle tertiary education"),
    ISCED_6("ISCED 6 – Bachelor- bzw. gleichwertiges Programm", "ISCED 6 – Bachelor's or equivalent"),
    ISCED_7("ISCED 7 – Master- bzw. gleichwertiges Programm", "ISCED 7 – Master's or equivalent"),
    ISCED_8("ISCED 8 – Promotion", "ISCED 8 – Doctoral or equivalent");

    private final Labels labels;

    IscedLevel(String labelDe, String labelEn) {
        this.labels = new Labels(labelDe, labelEn);
    }

    @Override
    public Labels labels() {
        return labels;
    }
}
