package de.kiim.command.person;

import java.time.Duration;
import org.axonframework.common.caching.Cache;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class PersonCacheConfiguration {

    /**
     * Keeps loaded persons between commands, so a command does not replay the person's whole stream. The only
     * personal value a person holds is the date of birth (ADR 0007), in memory only, for up to
     * {@code expire-after-access} after the person's last command on this instance. Erasure evicts the person here
     * after it commits ({@link PersonCacheEviction}); other instances keep their copy until it expires or collides
     * (docs/privacy.md).
     * With several instances a cached person may be stale: its append then collides with the newer event, Axon
     * evicts the entry, and the command is retried on the fresh stream (ConflictRetry).
     */
    @Bean
    Cache personCache(
            @Value("${kiim.person-cache.maximum-size:20000}") long maximumSize,
            @Value("${kiim.person-cache.expire-after-access:PT30M}") Duration expireAfterAccess) {
        return new BoundedAggregateCache(maximumSize, expireAfterAccess);
    }
}
