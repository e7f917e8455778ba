package de.kiim.command.person;

import de.kiim.command.erasure.ErasureConfiguration;
import de.kiim.events.erasure.PersonDataErased;
import de.kiim.platform.database.AfterCommit;
import org.axonframework.common.caching.Cache;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * An erased person leaves the aggregate cache of the erasing instance (docs/privacy.md): its cached state would
 * hold nothing personal any more, but an erased person has no reason to take memory, and the repository puts the
 * aggregate back while the erasure commits, so the eviction is repeated after the commit. Runs in the erasure's
 * transaction (subscribing group).
 */
@Component
@ProcessingGroup(ErasureConfiguration.KEY_SHREDDER)
class PersonCacheEviction {

    private final Cache personCache;

    PersonCacheEviction(@Qualifier("personCache") Cache personCache) {
        this.personCache = personCache;
    }

    @EventHandler
    void on(PersonDataErased event) {
        AfterCommit.forgetNowAndAfterCommit(
                () -> personCache.remove(event.personId().toString()));
    }
}
