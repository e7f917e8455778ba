package de.kiim.events.vocabulary;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.Set;

/**
 * A nationality (<em>Staatsangehörigkeit</em>) as ISO 3166-1 alpha-3 code, e.g. {@code SYR}. Accepts alpha-2
 * ({@code SY}) and alpha-3 codes from the JDK's ISO 3166 list, plus the ICAO 9303 codes German foreigners'
 * authorities need where no state applies: {@code XXA} stateless (<em>staatenlos</em>), {@code XXB} refugee
 * under the 1951 convention, {@code XXX} unresolved (<em>ungeklärt</em>).
 */
public record CountryCode(String alpha3) {

    private static final Set<String> NO_STATE = Set.of("XXA", "XXB", "XXX");
    private static final Set<String> ALPHA3 = Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA3);
    private static final Set<String> ALPHA2 = Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA2);

    public CountryCode {
        if (alpha3 == null || !(ALPHA3.contains(alpha3) || NO_STATE.contains(alpha3))) {
            throw new IllegalArgumentException("not an ISO 3166-1 alpha-3 country code");
        }
    }

    /** Parses an alpha-2 or alpha-3 code, ignoring case and surrounding blanks. */
    @JsonCreator
    public static CountryCode of(String code) {
        if (code == null) {
            throw new IllegalArgumentException("country code is missing");
        }
        String normalized = code.trim().toUpperCase(Locale.ROOT);
        if (normalized.length() == 2 && ALPHA2.contains(normalized)) {
            return new CountryCode(new Locale("", normalized).getISO3Country());
        }
        return new CountryCode(normalized);
    }

    public static boolean isValid(String code) {
        try {
            of(code);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    @JsonValue
    @Override
    public String toString() {
        return alpha3;
    }
}
