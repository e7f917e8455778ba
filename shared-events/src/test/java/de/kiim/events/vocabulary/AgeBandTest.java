package de.kiim.events.vocabulary;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class AgeBandTest {

    private final LocalDate born = LocalDate.of(2000, 3, 15);

    @Test
    void a_band_begins_on_the_birthday_of_its_lower_bound() {
        assertThat(AgeBand.on(LocalDate.of(2018, 3, 14), born)).isEqualTo(AgeBand.UNDER_18);
        assertThat(AgeBand.on(LocalDate.of(2018, 3, 15), born)).isEqualTo(AgeBand.FROM_18_TO_24);
        assertThat(AgeBand.on(LocalDate.of(2025, 3, 14), born)).isEqualTo(AgeBand.FROM_18_TO_24);
        assertThat(AgeBand.on(LocalDate.of(2025, 3, 15), born)).isEqualTo(AgeBand.FROM_25_TO_34);
        assertThat(AgeBand.on(LocalDate.of(2064, 12, 31), born)).isEqualTo(AgeBand.FROM_55_TO_64);
        assertThat(AgeBand.on(LocalDate.of(2065, 3, 15), born)).isEqualTo(AgeBand.FROM_65);
    }

    @Test
    void no_band_without_both_days() {
        assertThat(AgeBand.on(null, born)).isNull();
        assertThat(AgeBand.on(born, null)).isNull();
        assertThat(AgeBand.on(born, born)).isEqualTo(AgeBand.UNDER_18);
    }
}
