package de.kiim.events.vocabulary;

/**
 * The exceptions of Art. 17(3) GDPR under which a person's data may not be erased yet
 * (<em>Löschsperre</em>).
 */
public enum LegalHoldGround implements Vocabulary {
    FREEDOM_OF_EXPRESSION(
            "Art. 17 Abs. 3 lit. a: Meinungs- und Informationsfreiheit",
            "Art. 17(3)(a): freedom of expression and information"),
    LEGAL_OBLIGATION(
            "Art. 17 Abs. 3 lit. b: rechtliche Verpflichtung oder öffentliche Aufgabe",
            "Art. 17(3)(b): legal obligation or public task"),
    PUBLIC_HEALTH("Art. 17 Abs. 3 lit. c: öffentliche Gesundheit", "Art. 17(3)(c): public health"),
    ARCHIVING_RESEARCH_STATISTICS(
            "Art. 17 Abs. 3 lit. d: Archiv-, Forschungs- oder Statistikzwecke",
            "Art. 17(3)(d): archiving, research or statistics"),
    LEGAL_CLAIMS("Art. 17 Abs. 3 lit. e: Rechtsansprüche", "Art. 17(3)(e): legal claims");

    private final Labels labels;

    LegalHoldGround(String labelDe, String labelEn) {
        this.labels = new Labels(labelDe, labelEn);
    }

    @Override
    public Labels labels() {
        return labels;
    }
}
