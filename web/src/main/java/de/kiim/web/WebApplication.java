package de.kiim.web;

import java.time.Clock;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Kiim's web UI: pages for caseworkers, analysts, auditors and data stewards, rendered on the server. It signs the
 * user in at the identity provider (authorization code with PKCE) and calls the command and query services with
 * the user's own token, so that entitlements, the access log and the change trail apply to a page exactly as to
 * any other client. It keeps nothing but the session with the user's tokens.
 */
@SpringBootApplication
@EnableConfigurationProperties(WebSettings.class)
public class WebApplication {

    /** Every way of starting the UI, so that its configuration is web.yml. */
    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(WebApplication.class).properties("spring.config.name=web");
    }

    /** The district's days and "now", from one clock that tests could replace. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    public static void main(String[] args) {
        builder().run(args);
    }
}
