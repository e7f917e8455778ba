package de.kiim.identity;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Kiim's embedded identity provider: people sign in here (authorization code with PKCE) and agency systems get
 * tokens here (client credentials), against the agency directory both services use. Of the platform it takes the
 * directory, the password check with its throttling and record of sign-ins, and the migrations of the shared
 * schemas — not the event store, the key store or the API's error handling, which are the services'.
 */
@SpringBootApplication(
        excludeName = {
            "de.kiim.platform.eventstore.EventStoreConfiguration",
            "de.kiim.platform.crypto.CryptoConfiguration",
            "de.kiim.platform.processing.ProcessingConfiguration",
            "de.kiim.platform.entitlements.EntitlementConfiguration",
            "de.kiim.platform.web.WebConfiguration"
        })
@EnableConfigurationProperties(IdentitySettings.class)
@EnableScheduling
public class IdentityProviderApplication {

    /** Every way of starting the provider, so that its configuration is identity.yml. */
    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(IdentityProviderApplication.class)
                .properties("spring.config.name=identity");
    }

    public static void main(String[] args) {
        builder().run(args);
    }
}
