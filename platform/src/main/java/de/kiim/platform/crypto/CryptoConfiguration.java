package de.kiim.platform.crypto;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;

/** Key-encryption keys, the person key store, and the check that every event type follows the personal-data rule. */
@AutoConfiguration
@EnableConfigurationProperties(CryptoProperties.class)
public class CryptoConfiguration {

    @Bean
    KeyEncryptionKeys keyEncryptionKeys(CryptoProperties properties) {
        return KeyEncryptionKeys.load(properties);
    }

    @Bean
    PersonKeyStore personKeyStore(
            JdbcTemplate jdbc,
            KeyEncryptionKeys keks,
            CryptoProperties properties,
            ObjectProvider<MeterRegistry> metrics) {
        var store = new PersonKeyStore(jdbc, keks, PersonKeyStore.newCache(properties));
        store.verifyKeks();
        metrics.ifAvailable(registry -> CaffeineCacheMetrics.monitor(registry, store.cache(), "kiim.data-keys"));
        return store;
    }

    @Bean
    DeploymentKeys deploymentKeys(JdbcTemplate jdbc, KeyEncryptionKeys keks) {
        return new DeploymentKeys(jdbc, keks);
    }

    @Bean
    EventCatalogueCheck eventCatalogueCheck() {
        return new EventCatalogueCheck();
    }
}
