package de.kiim.command.duplicates;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class DuplicatesConfiguration {

    static final String BLIND_INDEX = "blind-index";

    /** The group is subscribing (command-service.yml); a failure in it, e.g. an AZR number taken, fails the command. */
    @Bean
    ConfigurerModule blindIndexFailuresFailTheCommand() {
        return configurer -> configurer
                .eventProcessing()
                .registerListenerInvocationErrorHandler(BLIND_INDEX, c -> PropagatingErrorHandler.instance());
    }
}
