package de.kiim.events.vocabulary;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.regex.Pattern;

/**
 * An occupation as a five-digit code of the German classification of occupations 2010 (<em>KldB 2010</em>), at the
 * level of the occupation type (<em>Berufsgattung</em>), e.g. {@code 43412} for a software developer at skilled
 * level. The first two digits name a known {@link KldbArea}; the fifth is the requirement level
 * (<em>Anforderungsniveau</em>) 1–4. The code is a statistical category, not personal data.
 */
public record KldbCode(String value) {

    private static final Pattern FORMAT = Pattern.compile("\\d{4}[1-4]");

    public KldbCode {
        if (!isValid(value)) {
            throw new IllegalArgumentException(
                    "not a five-digit KldB 2010 code with a known occupational area and requirement level 1-4");
        }
    }

    @JsonCreator
    public static KldbCode of(String value) {
        return new KldbCode(value == null ? null : value.strip());
    }

    public static boolean isValid(String value) {
        return value != null
                && FORMAT.matcher(value.strip()).matches()
                && KldbArea.ofDigits(value.strip().substring(0, 2)).isPresent();
    }

    public KldbArea area() {
        return KldbArea.ofDigits(value.substring(0, 2)).orElseThrow();
    }

    public RequirementLevel requirementLevel() {
        return RequirementLevel.values()[value.charAt(4) - '1'];
    }

    @JsonValue
    @Override
    public String toString() {
        return value;
    }
}
