package de.kiim.platform.entitlements;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.io.Resource;

/** Loads the entitlement policy at start-up; an invalid policy stops the start, naming what is wrong. */
@AutoConfiguration
public class EntitlementConfiguration {

    @Bean
    EntitlementPolicy entitlementPolicy(
            @Value("${kiim.entitlements.policy:classpath:entitlement-policy.yml}") Resource policy) {
        try (InputStream yaml = policy.getInputStream()) {
            return EntitlementPolicy.load(yaml);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the entitlement policy " + policy.getDescription(), e);
        }
    }

    @Bean
    LinkRules linkRules(EntitlementPolicy policy) {
        return new LinkRules(policy);
    }
}
