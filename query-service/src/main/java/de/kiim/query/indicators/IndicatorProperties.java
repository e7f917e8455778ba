package de.kiim.query.indicators;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Disclosure control of the indicators ({@code kiim.indicators.*}).
 *
 * @param minimumCellSize k: a count of fewer persons, and a statistic resting on fewer, is withheld; at least 3
 */
@ConfigurationProperties("kiim.indicators")
record IndicatorProperties(@DefaultValue("5") int minimumCellSize) {

    static final int LOWEST_MINIMUM = 3;

    IndicatorProperties {
        if (minimumCellSize < LOWEST_MINIMUM) {
            throw new IllegalArgumentException("kiim.indicators.minimum-cell-size must be at least " + LOWEST_MINIMUM
                    + ": a smaller k lets a cell single out one or two persons");
        }
    }
}
