package de.kiim.query.accesslog;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.springframework.boot.convert.ApplicationConversionService;

/** The retention is the controller's setting: none keeps the log for ever, a period deletes what is older. */
class AccessLogRetentionTest {

    private final Clock clock = Clock.fixed(Instant.parse("2026-03-31T10:00:00Z"), ZoneOffset.UTC);
    private final AccessLogAnchors anchors = mock(AccessLogAnchors.class);

    @Test
    void without_a_retention_nothing_is_deleted() {
        new AccessLogRetention(anchors, clock, null).purgeExpired();
        verify(anchors, never()).deleteBefore(any());
    }

    @Test
    void a_retention_deletes_what_is_older_counted_in_calendar_units() {
        Period configured = ApplicationConversionService.getSharedInstance().convert("P1Y1M", Period.class);
        new AccessLogRetention(anchors, clock, configured).purgeExpired();
        verify(anchors).deleteBefore(Instant.parse("2025-02-28T10:00:00Z"));
    }

    @Test
    void a_retention_of_nothing_or_less_is_refused() {
        assertThatThrownBy(() -> new AccessLogRetention(anchors, clock, Period.ZERO))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new AccessLogRetention(anchors, clock, Period.ofDays(-1)))
                .isInstanceOf(IllegalStateException.class);
    }
}
