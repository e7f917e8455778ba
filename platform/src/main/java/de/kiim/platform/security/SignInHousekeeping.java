package de.kiim.platform.security;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * The record of sign-ins is kept for {@code kiim.security.sign-in.log-retention} (default 90 days) and then
 * deleted. Every instance of both services purges; they delete the same rows, which is harmless.
 */
class SignInHousekeeping {

    private static final Logger log = LoggerFactory.getLogger(SignInHousekeeping.class);

    private final SignInLog signIns;
    private final Duration retention;

    SignInHousekeeping(SignInLog signIns, Duration retention) {
        this.signIns = signIns;
        this.retention = retention;
    }

    @Scheduled(
            fixedDelayString = "${kiim.security.sign-in.log-purge-interval:PT1H}",
            initialDelayString = "${kiim.security.sign-in.log-purge-initial-delay:PT1M}")
    void purgeExpired() {
        int purged = signIns.purgeOlderThan(retention);
        if (purged > 0) {
            log.info("Purged {} sign-in records older than {}", purged, retention);
        }
    }
}
