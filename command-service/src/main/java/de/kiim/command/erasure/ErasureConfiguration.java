package de.kiim.command.erasure;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

@Configuration
@EnableScheduling
@EnableConfigurationProperties(RetentionPeriods.class)
public class ErasureConfiguration {

    /** The subscribing group whose handlers run in the transaction that appends PersonDataErased. */
    public static final String KEY_SHREDDER = "key-shredder";

    static final String ERASURE_SCHEDULE = "erasure-schedule";

    /**
     * Both groups run in the command's own transaction (subscribing, see command-service.yml). A failure there must
     * fail the command — Axon's default would log it and commit the event anyway, leaving an erasure proof without
     * a destroyed key.
     */
    @Bean
    ConfigurerModule erasureHandlersFailTheCommand() {
        return configurer -> configurer
                .eventProcessing()
                .registerListenerInvocationErrorHandler(KEY_SHREDDER, c -> PropagatingErrorHandler.instance())
                .registerListenerInvocationErrorHandler(ERASURE_SCHEDULE, c -> PropagatingErrorHandler.instance());
    }
}
