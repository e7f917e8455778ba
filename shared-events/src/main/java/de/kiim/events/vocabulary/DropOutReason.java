package de.kiim.events.vocabulary;

/** Why a participant left a course for good (<em>Abbruchgrund</em>). */
public enum DropOutReason implements Vocabulary {
    EMPLOYMENT("Arbeitsaufnahme", "Took up work"),
    MOVED_AWAY("Wegzug", "Moved away"),
    ILLNESS("Krankheit", "Illness"),
    CARE_DUTIES("Familiäre Pflichten", "Family duties"),
    EXCLUDED("Ausschluss durch den Träger", "Excluded by the provider"),
    NO_SHOW("Nicht mehr erschienen", "Stopped attending"),
    OTHER("Sonstiger Grund", "Other reason");

    private final Labels labels;

    DropOutReason(String labelDe, String labelEn) {
        this.labels = new Labels(labelDe, labelEn);
    }

    @Override
    public Labels labels() {
        return labels;
    }
}
