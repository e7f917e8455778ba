package de.kiim.command.person;

import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.WeakReferenceCache;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class PersonCacheConfiguration {

    /**
     * Keeps loaded persons between commands, so a command does not replay the person's whole stream. A person
     * holds no personal data (see {@link Person}), so the cache holds none either. With several instances a cached
     * person may be stale: its append then collides with the newer event, the entry is evicted, and the command is
     * retried on the fresh stream (ConflictRetry). Weak references let the garbage collector bound it.
     */
    @Bean
    Cache personCache() {
        return new WeakReferenceCache();
    }
}
