package de.kiim.query.accesslog;

import java.time.Clock;
import java.time.Period;
import java.time.ZoneOffset;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Entries older than {@code kiim.access-log.retention} (an ISO-8601 period, e.g. {@code P2Y}; the controller sets
 * it, docs/privacy.md) are deleted, the remaining chain anchored at its new first entry. Without a retention the log
 * is kept for ever.
 */
@Component
class AccessLogRetention {

    private static final Logger log = LoggerFactory.getLogger(AccessLogRetention.class);

    private final AccessLogAnchors anchors;
    private final Clock clock;
    private final Period retention;

    AccessLogRetention(
            AccessLogAnchors anchors, Clock clock, @Value("${kiim.access-log.retention:#{null}}") Period retention) {
        if (retention != null && (retention.isNegative() || retention.isZero())) {
            throw new IllegalStateException("kiim.access-log.retention must be a positive period, e.g. P2Y");
        }
        this.anchors = anchors;
        this.clock = clock;
        this.retention = retention;
    }

    @Scheduled(fixedDelayString = "${kiim.access-log.purge-interval:P1D}", initialDelayString = "PT1M")
    void purgeExpired() {
        if (retention == null) {
            return;
        }
        int deleted = anchors.deleteBefore(
                clock.instant().atOffset(ZoneOffset.UTC).minus(retention).toInstant());
        if (deleted > 0) {
            log.info("access log: {} entries older than {} deleted", deleted, retention);
        }
    }
}
