package de.kiim.command.erasure;

import de.kiim.events.vocabulary.SupportEndReason;
import java.time.LocalDate;
import java.time.Period;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How long personal data is kept after support ended, per reason ({@code kiim.erasure.retention.<REASON>}, an
 * ISO-8601 period such as {@code P6M}), and the grace period ({@code kiim.erasure.grace-period}) within which
 * support can be resumed. The municipality's data-protection officer sets these from the retention rules that apply
 * to its agencies; the service does not start while a reason has none, or one shorter than the grace period, so
 * that no support end by a caseworker ever erases at once — immediate erasure is a data steward's act.
 */
@ConfigurationProperties("kiim.erasure")
public record RetentionPeriods(Map<SupportEndReason, Period> retention, Period gracePeriod) {

    public RetentionPeriods {
        retention = retention == null ? Map.of() : Map.copyOf(retention);
        gracePeriod = gracePeriod == null ? Period.ofDays(14) : gracePeriod;
        Period grace = gracePeriod;
        Map<SupportEndReason, Period> periods = retention;
        String missing = Arrays.stream(SupportEndReason.values())
                .filter(reason -> !periods.containsKey(reason) || shorter(periods.get(reason), grace))
                .map(Enum::name)
                .collect(Collectors.joining(", "));
        if (!missing.isEmpty()) {
            throw new IllegalStateException("Set kiim.erasure.retention.<REASON> to a period of at least the grace "
                    + "period " + grace + " for every end-of-support reason; missing or shorter: " + missing);
        }
    }

    public Period of(SupportEndReason reason) {
        return retention.get(reason);
    }

    /**
     * The day the person's data is due for erasure when support ends on {@code endedOn}: the retention counted
     * from that day, but never from before {@code today}, so a back-dated end cannot erase at once.
     */
    public LocalDate erasureDue(SupportEndReason reason, LocalDate endedOn, LocalDate today) {
        return (endedOn.isAfter(today) ? endedOn : today).plus(of(reason));
    }

    private static boolean shorter(Period period, Period than) {
        LocalDate from = LocalDate.of(2000, 1, 1);
        return from.plus(period).isBefore(from.plus(than));
    }
}
