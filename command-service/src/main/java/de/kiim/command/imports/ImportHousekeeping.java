package de.kiim.command.imports;

import de.kiim.command.erasure.ErasureConfiguration;
import de.kiim.events.erasure.PersonDataErased;
import java.time.Duration;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Import results are kept for a while for the agency to work through, and lose the lines naming an erased person
 * at once, in the erasure's transaction.
 */
@Component
@ProcessingGroup(ErasureConfiguration.KEY_SHREDDER)
class ImportHousekeeping {

    private final ImportJobs jobs;
    private final Duration retention;

    ImportHousekeeping(ImportJobs jobs, @Value("${kiim.imports.retention:P30D}") Duration retention) {
        this.jobs = jobs;
        this.retention = retention;
    }

    @Scheduled(fixedDelayString = "${kiim.imports.purge-interval:PT1H}", initialDelayString = "PT1M")
    void purgeExpired() {
        jobs.purgeOlderThan(retention);
    }

    @EventHandler
    void on(PersonDataErased event) {
        jobs.forget(event.personId().value());
    }
}
