package de.kiim.events.vocabulary;

/**
 * A residence title or status under German law (<em>Aufenthaltsstatus</em>): the Aufenthaltsgestattung of asylum
 * seekers, the Duldung, residence permits (<em>Aufenthaltserlaubnis</em>) by their paragraph of the
 * Aufenthaltsgesetz, settlement permits and EU freedom of movement. Codes of permits are {@code AE_} and the
 * paragraph; {@code AE_25_2_REFUGEE} and {@code AE_25_2_SUBSIDIARY} are the two alternatives of § 25(2).
 */
public enum ResidenceStatus implements Vocabulary {
    GESTATTUNG("Aufenthaltsgestattung (§ 55 AsylG)", "Permission to reside during the asylum procedure (§ 55 AsylG)"),
    DULDUNG("Duldung (§ 60a AufenthG)", "Temporary suspension of deportation (§ 60a AufenthG)"),
    FIKTIONSBESCHEINIGUNG(
            "Fiktionsbescheinigung (§ 81 AufenthG)",
            "Fictional certificate while an application is pending (§ 81 AufenthG)"),
    AE_16A(
            "Aufenthaltserlaubnis § 16a AufenthG (Berufsausbildung)",
            "Residence permit § 16a AufenthG (vocational training)"),
    AE_16B("Aufenthaltserlaubnis § 16b AufenthG (Studium)", "Residence permit § 16b AufenthG (studies)"),
    AE_16D(
            "Aufenthaltserlaubnis § 16d AufenthG (Anerkennung ausländischer Berufsqualifikationen)",
            "Residence permit § 16d AufenthG (recognition of foreign qualifications)"),
    AE_16F(
            "Aufenthaltserlaubnis § 16f AufenthG (Sprachkurs, Schulbesuch)",
            "Residence permit § 16f AufenthG (language course, school)"),
    AE_17(
            "Aufenthaltserlaubnis § 17 AufenthG (Suche nach Ausbildungs- oder Studienplatz)",
            "Residence permit § 17 AufenthG (search for training or study place)"),
    AE_18A(
            "Aufenthaltserlaubnis § 18a AufenthG (Fachkräfte mit Berufsausbildung)",
            "Residence permit § 18a AufenthG (skilled workers with vocational training)"),
    AE_18B(
            "Aufenthaltserlaubnis § 18b AufenthG (Fachkräfte mit akademischer Ausbildung)",
            "Residence permit § 18b AufenthG (skilled workers with academic training)"),
    AE_18G("Blaue Karte EU (§ 18g AufenthG)", "EU Blue Card (§ 18g AufenthG)"),
    AE_19C(
            "Aufenthaltserlaubnis § 19c AufenthG (sonstige Beschäftigung)",
            "Residence permit § 19c AufenthG (other employment)"),
    AE_20("Aufenthaltserlaubnis § 20 AufenthG (Arbeitsuche)", "Residence permit § 20 AufenthG (job search)"),
    AE_21(
            "Aufenthaltserlaubnis § 21 AufenthG (selbständige Tätigkeit)",
            "Residence permit § 21 AufenthG (self-employment)"),
    AE_22(
            "Aufenthaltserlaubnis § 22 AufenthG (Aufnahme aus dem Ausland)",
            "Residence permit § 22 AufenthG (admission from abroad)"),
    AE_23(
            "Aufenthaltserlaubnis § 23 AufenthG (Aufnahmeprogramme, Resettlement)",
            "Residence permit § 23 AufenthG (admission programmes, resettlement)"),
    AE_24(
            "Aufenthaltserlaubnis § 24 AufenthG (vorübergehender Schutz)",
            "Residence permit § 24 AufenthG (temporary protection)"),
    AE_25_1(
            "Aufenthaltserlaubnis § 25 Abs. 1 AufenthG (Asylberechtigung)",
            "Residence permit § 25(1) AufenthG (entitlement to asylum)"),
    AE_25_2_REFUGEE(
            "Aufenthaltserlaubnis § 25 Abs. 2 Alt. 1 AufenthG (Flüchtlingseigenschaft)",
            "Residence permit § 25(2) alt. 1 AufenthG (refugee status)"),
    AE_25_2_SUBSIDIARY(
            "Aufenthaltserlaubnis § 25 Abs. 2 Alt. 2 AufenthG (subsidiärer Schutz)",
            "Residence permit § 25(2) alt. 2 AufenthG (subsidiary protection)"),
    AE_25_3(
            "Aufenthaltserlaubnis § 25 Abs. 3 AufenthG (Abschiebungsverbot)",
            "Residence permit § 25(3) AufenthG (ban on deportation)"),
    AE_25_4(
            "Aufenthaltserlaubnis § 25 Abs. 4 AufenthG (vorübergehender Aufenthalt)",
            "Residence permit § 25(4) AufenthG (temporary stay)"),
    AE_25_5(
            "Aufenthaltserlaubnis § 25 Abs. 5 AufenthG (Ausreise unmöglich)",
            "Residence permit § 25(5) AufenthG (departure impossible)"),
    AE_FAMILY(
            "Aufenthaltserlaubnis §§ 27–36 AufenthG (Familiennachzug)",
            "Residence permit §§ 27–36 AufenthG (family reunification)"),
    AE_OTHER("Aufenthaltserlaubnis nach anderer Vorschrift", "Residence permit under another provision"),
    NIEDERLASSUNGSERLAUBNIS("Niederlassungserlaubnis (§§ 9, 26 AufenthG)", "Settlement permit (§§ 9, 26 AufenthG)"),
    DAUERAUFENTHALT_EU(
            "Erlaubnis zum Daueraufenthalt-EU (§ 9a AufenthG)", "EU long-term residence permit (§ 9a AufenthG)"),
    FREIZUEGIGKEIT_EU("Freizügigkeit nach FreizügG/EU", "EU freedom of movement (FreizügG/EU)"),
    OTHER("Sonstiger Status", "Other status");

    private final Labels labels;

    ResidenceStatus(String labelDe, String labelEn) {
        this.labels = new Labels(labelDe, labelEn);
    }

    @Override
    public Labels labels() {
        return labels;
    }
}
