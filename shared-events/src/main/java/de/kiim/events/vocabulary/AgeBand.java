package de.kiim.events.vocabulary;

import java.time.LocalDate;
import java.time.Period;

/**
 * The person's age on arrival in bands (<em>Altersgruppe bei Einreise</em>), as integration statistics group it. It
 * stays in clear beside the encrypted birth date, so that indicators by age survive erasure (ADR 0014): the band at
 * entry never changes with time, and is far coarser than the birth date it comes from.
 */
public enum AgeBand implements Vocabulary {
    UNDER_18("unter 18 Jahre", "under 18"),
    FROM_18_TO_24("18 bis 24 Jahre", "18 to 24"),
    FROM_25_TO_34("25 bis 34 Jahre", "25 to 34"),
    FROM_35_TO_44("35 bis 44 Jahre", "35 to 44"),
    FROM_45_TO_54("45 bis 54 Jahre", "45 to 54"),
    FROM_55_TO_64("55 bis 64 Jahre", "55 to 64"),
    FROM_65("65 Jahre und älter", "65 and over");

    private static final int[] LOWER_BOUNDS = {0, 18, 25, 35, 45, 55, 65};

    private final Labels labels;

    AgeBand(String labelDe, String labelEn) {
        this.labels = new Labels(labelDe, labelEn);
    }

    /** The band of someone born on {@code dateOfBirth} on the day {@code on}; either missing gives none. */
    public static AgeBand on(LocalDate on, LocalDate dateOfBirth) {
        if (on == null || dateOfBirth == null) {
            return null;
        }
        int age = Math.max(0, Period.between(dateOfBirth, on).getYears());
        AgeBand band = UNDER_18;
        for (AgeBand candidate : values()) {
            if (age >= LOWER_BOUNDS[candidate.ordinal()]) {
                band = candidate;
            }
        }
        return band;
    }

    @Override
    public Labels labels() {
        return labels;
    }
}
