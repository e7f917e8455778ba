package de.kiim.events.vocabulary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ValueTypesTest {

    @Test
    void country_codes_are_normalised_to_alpha3() {
        assertThat(CountryCode.of("sy")).isEqualTo(CountryCode.of("SYR"));
        assertThat(CountryCode.of(" ua ").alpha3()).isEqualTo("UKR");
        assertThat(CountryCode.of("XXA").alpha3()).isEqualTo("XXA");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "S", "ZZ", "ZZZ", "SYRIA", "12"})
    void unknown_country_codes_are_rejected(String code) {
        assertThat(CountryCode.isValid(code)).isFalse();
        assertThatThrownBy(() -> CountryCode.of(code)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejections_do_not_repeat_the_value() {
        assertThatThrownBy(() -> CountryCode.of("Geheimland")).hasMessageNotContaining("Geheimland");
        assertThatThrownBy(() -> MunicipalityCode.of("Geheimort")).hasMessageNotContaining("Geheimort");
    }

    @Test
    void municipality_codes_are_8_digit_keys_of_a_land() {
        assertThat(MunicipalityCode.of("15085135").districtKey()).isEqualTo("15085");
        assertThat(MunicipalityCode.isValid("01001000")).isTrue();
        assertThat(MunicipalityCode.isValid("1508513")).isFalse();
        assertThat(MunicipalityCode.isValid("17085135"))
                .as("there are 16 Länder")
                .isFalse();
        assertThat(MunicipalityCode.isValid("00085135")).isFalse();
        assertThat(MunicipalityCode.isValid("1508513a")).isFalse();
    }

    @Test
    void vocabulary_codes_are_found_ignoring_case() {
        assertThat(Vocabulary.byCode(Sex.class, "FEMALE")).contains(Sex.FEMALE);
        assertThat(Vocabulary.byCode(Sex.class, "female"))
                .as("codes are matched exactly")
                .isEmpty();
        assertThat(Vocabulary.byCode(Sex.class, " FEMALE")).isEmpty();
        assertThat(Vocabulary.byCode(Sex.class, "F")).isEmpty();
        assertThat(Vocabulary.byCode(Sex.class, null)).isEmpty();
    }
}
