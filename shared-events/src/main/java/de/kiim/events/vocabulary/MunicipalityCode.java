package de.kiim.events.vocabulary;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.regex.Pattern;

/**
 * A municipality as its 8-digit official municipality key (<em>Amtlicher Gemeindeschlüssel</em>, AGS), e.g.
 * {@code 15085135} for Halberstadt: Land (2 digits), Regierungsbezirk (1), Kreis (2), Gemeinde (3).
 */
public record MunicipalityCode(String value) {

    private static final Pattern AGS = Pattern.compile("(0[1-9]|1[0-6])\\d{6}");

    public MunicipalityCode {
        if (value == null || !AGS.matcher(value).matches()) {
            throw new IllegalArgumentException("not an 8-digit Amtlicher Gemeindeschlüssel");
        }
    }

    @JsonCreator
    public static MunicipalityCode of(String value) {
        return new MunicipalityCode(value == null ? null : value.trim());
    }

    public static boolean isValid(String value) {
        return value != null && AGS.matcher(value.trim()).matches();
    }

    /** The 5-digit district key (<em>Kreisschlüssel</em>), e.g. {@code 15085} for Landkreis Harz. */
    public String districtKey() {
        return value.substring(0, 5);
    }

    @JsonValue
    @Override
    public String toString() {
        return value;
    }
}
