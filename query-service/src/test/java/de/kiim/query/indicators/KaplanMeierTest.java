package de.kiim.query.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class KaplanMeierTest {

    /**
     * The textbook example: remission times in weeks of the 6-MP group of Freireich et al. (1963), as in Kleinbaum &
     * Klein, "Survival Analysis", and R's {@code survfit} (median 23, 95 % interval from 16, no upper end).
     */
    private static final long[] WEEKS = {6, 6, 6, 6, 7, 9, 10, 10, 11, 13, 16, 17, 19, 20, 22, 23, 25, 32, 32, 34, 35};

    private static final boolean[] RELAPSED = {
        true, true, true, false, true, false, true, false, false, true, true, false, false, false, true, true, false,
        false, false, false, false
    };

    private final KaplanMeier estimate = new KaplanMeier(WEEKS, RELAPSED);

    @Test
    void the_estimate_steps_down_at_each_event_as_the_textbook_has_it() {
        assertThat(estimate.observations()).isEqualTo(21);
        assertThat(estimate.events()).isEqualTo(9);
        assertThat(estimate.survivalAt(5)).isEqualTo(1.0);
        assertThat(estimate.survivalAt(6)).isCloseTo(0.857, within(0.0005));
        assertThat(estimate.survivalAt(7)).isCloseTo(0.807, within(0.0005));
        assertThat(estimate.survivalAt(9)).isCloseTo(0.807, within(0.0005));
        assertThat(estimate.survivalAt(10)).isCloseTo(0.753, within(0.0005));
        assertThat(estimate.survivalAt(13)).isCloseTo(0.690, within(0.0005));
        assertThat(estimate.survivalAt(16)).isCloseTo(0.627, within(0.0005));
        assertThat(estimate.survivalAt(22)).isCloseTo(0.538, within(0.0005));
        assertThat(estimate.survivalAt(23)).isCloseTo(0.448, within(0.0005));
        assertThat(estimate.survivalAt(35)).isCloseTo(0.448, within(0.0005));
    }

    @Test
    void median_quartile_and_the_medians_interval_are_those_of_r_survfit() {
        assertThat(estimate.median()).isEqualTo(23L);
        assertThat(estimate.quantile(0.25)).isEqualTo(13L);
        assertThat(estimate.quantile(0.75))
                .as("never reached: the estimate stays at 0.448")
                .isNull();
        assertThat(estimate.medianLower()).isEqualTo(16L);
        assertThat(estimate.medianUpper()).isNull();
    }

    @Test
    void without_censoring_the_median_is_the_plain_one_and_everyone_reached_it() {
        KaplanMeier plain = new KaplanMeier(new long[] {40, 10, 30, 20}, new boolean[] {true, true, true, true});
        assertThat(plain.median()).isEqualTo(20L);
        assertThat(plain.quantile(0.75)).isEqualTo(30L);
        assertThat(plain.survivalAt(40)).isZero();
        assertThat(plain.events()).isEqualTo(4);
    }

    @Test
    void no_event_gives_no_quantile() {
        KaplanMeier none = new KaplanMeier(new long[] {5, 8}, new boolean[] {false, false});
        assertThat(none.median()).isNull();
        assertThat(none.medianLower()).isNull();
        assertThat(none.survivalAt(100)).isEqualTo(1.0);
    }
}
