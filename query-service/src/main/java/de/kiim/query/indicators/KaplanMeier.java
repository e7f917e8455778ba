package de.kiim.query.indicators;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * The Kaplan–Meier estimate of the share not yet at a milestone after t days, with right-censoring: a person who has
 * not reached it by the reference date, or left before, counts as at risk until then and no longer. Quantiles are
 * the first time the estimate falls to or below 1 − p; the median's 95 % confidence interval is that of Brookmeyer
 * and Crowley with the pointwise interval on log S and Greenwood's variance, as R's {@code survfit} reports it by
 * default. A quantile the estimate never reaches is null.
 */
final class KaplanMeier {

    private static final double Z_95 = 1.959963984540054;

    /** The estimate just after each distinct event time, with the bounds of its pointwise 95 % interval. */
    private record Step(long time, double survival, double lower, double upper) {}

    private final List<Step> steps = new ArrayList<>();
    private final int observations;
    private final int events;

    /**
     * @param times  days from origin to the milestone or to censoring, one per person
     * @param events whether the person reached the milestone at that time (false: censored)
     */
    KaplanMeier(long[] times, boolean[] events) {
        this.observations = times.length;
        Integer[] order = new Integer[times.length];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, (a, b) -> Long.compare(times[a], times[b]));
        int atRisk = times.length;
        int reached = 0;
        double survival = 1;
        double greenwood = 0;
        int i = 0;
        while (i < order.length) {
            long time = times[order[i]];
            int eventsNow = 0;
            int leaving = 0;
            while (i < order.length && times[order[i]] == time) {
                eventsNow += events[order[i]] ? 1 : 0;
                leaving++;
                i++;
            }
            if (eventsNow > 0) {
                survival *= 1 - (double) eventsNow / atRisk;
                greenwood += atRisk == eventsNow
                        ? Double.POSITIVE_INFINITY
                        : (double) eventsNow / ((double) atRisk * (atRisk - eventsNow));
                double spread = Z_95 * Math.sqrt(greenwood);
                double lower = survival == 0 ? 0 : survival * Math.exp(-spread);
                double upper = survival == 0 ? 0 : Math.min(1, survival * Math.exp(spread));
                steps.add(new Step(time, survival, lower, upper));
                reached += eventsNow;
            }
            atRisk -= leaving;
        }
        this.events = reached;
    }

    int observations() {
        return observations;
    }

    int events() {
        return events;
    }

    /** The estimated share still without the milestone after {@code time}. */
    double survivalAt(long time) {
        double survival = 1;
        for (Step step : steps) {
            if (step.time() > time) {
                break;
            }
            survival = step.survival();
        }
        return survival;
    }

    /** The time by which a share {@code p} has reached the milestone; null if the estimate never gets there. */
    Long quantile(double p) {
        return firstTime(Step::survival, p);
    }

    Long median() {
        return quantile(0.5);
    }

    /** The lower end of the median's 95 % interval: where the interval's lower bound first reaches 0.5. */
    Long medianLower() {
        return firstTime(Step::lower, 0.5);
    }

    /** The upper end: where the interval's upper bound first reaches 0.5; null when it never does. */
    Long medianUpper() {
        return firstTime(Step::upper, 0.5);
    }

    private Long firstTime(ToDoubleFunction<Step> curve, double p) {
        // A small tolerance: 1 − 1/2 computed as a product must count as 0.5.
        double threshold = 1 - p + 1e-12;
        return steps.stream()
                .filter(step -> curve.applyAsDouble(step) <= threshold)
                .map(Step::time)
                .findFirst()
                .orElse(null);
    }
}
