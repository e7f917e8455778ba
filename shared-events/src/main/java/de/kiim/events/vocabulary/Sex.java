package de.kiim.events.vocabulary;

/** Sex as recorded by the registering agency (<em>Geschlecht</em>, incl. the German third option "divers"). */
public enum Sex implements Vocabulary {
    MALE("männlich", "male"),
    FEMALE("weiblich", "female"),
    DIVERSE("divers", "diverse"),
    UNSPECIFIED("ohne Angabe", "unspecified");

    private final String labelDe;
    private final String labelEn;

    Sex(String labelDe, String labelEn) {
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
