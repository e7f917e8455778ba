package de.kiim.command.idempotency;

import de.kiim.command.erasure.ErasureConfiguration;
import de.kiim.events.erasure.PersonDataErased;
import java.time.Duration;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Stored answers are kept for the retention period (at least a day, so a client can retry after an outage) and
 * go with the person's erasure, in the erasure's own transaction.
 */
@Component
@ProcessingGroup(ErasureConfiguration.KEY_SHREDDER)
class IdempotencyHousekeeping {

    private final IdempotentRequests requests;
    private final Duration retention;

    IdempotencyHousekeeping(
            IdempotentRequests requests, @Value("${kiim.idempotency.retention:P1D}") Duration retention) {
        if (retention.compareTo(Duration.ofDays(1)) < 0) {
            throw new IllegalStateException("kiim.idempotency.retention must be at least one day");
        }
        this.requests = requests;
        this.retention = retention;
    }

    @Scheduled(fixedDelayString = "${kiim.idempotency.purge-interval:PT1H}", initialDelayString = "PT1M")
    void purgeExpired() {
        requests.purgeOlderThan(retention);
    }

    @EventHandler
    void on(PersonDataErased event) {
        requests.forget(event.personId());
    }
}
