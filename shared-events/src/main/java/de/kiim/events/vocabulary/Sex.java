package de.kiim.events.vocabulary;

/** Sex as recorded by the registering agency (<em>Geschlecht</em>, incl. the German third option "divers"). */
public enum Sex implements Vocabulary {
    MALE("männlich", "male"),
    FEMALE("weiblich", "female"),
    DIVERSE("divers", "diverse"),
    UNSPECIFIED("ohne Angabe", "unspecified");

    private final Labels labels;

    Sex(String labelDe, String labelEn) {
        this.labels = new Labels(labelDe, labelEn);
    }

    @Override
    public Labels labels() {
        return labels;
    }
}
