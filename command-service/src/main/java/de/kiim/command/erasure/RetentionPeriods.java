package de.kiim.command.erasure;

import de.kiim.events.vocabulary.SupportEndReason;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Period;
import java.util.Map;

/**
 * How long personal data is kept after support ended, per reason ({@code kiim.erasure.retention.<REASON>}, an
 * ISO-8601 period such as {@code P6M}); a reason not configured is erased at once. The municipality's
 * data-protection officer sets these from the retention rules that apply to its agencies.
 */
@ConfigurationProperties("kiim.erasure")
public record RetentionPeriods(Map<SupportEndReason, Period> retention) {

    public RetentionPeriods {
        retention = retention == null ? Map.of() : Map.copyOf(retention);
    }

    public Period of(SupportEndReason reason) {
        return retention.getOrDefault(reason, Period.ZERO);
    }
}
