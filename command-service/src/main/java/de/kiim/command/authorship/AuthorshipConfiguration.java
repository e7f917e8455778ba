package de.kiim.command.authorship;

import de.kiim.events.EventMetadata;
import java.time.Clock;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class AuthorshipConfiguration {

    /** Copies the authorship metadata of a command onto every event applied while handling it. */
    @Bean
    CorrelationDataProvider authorshipMetadata() {
        return new SimpleCorrelationDataProvider(
                EventMetadata.USER, EventMetadata.AGENCY, EventMetadata.CORRELATION_ID, EventMetadata.RECORDED_AT);
    }

    /** Axon's Spring Boot support registers dispatch interceptor beans with the command gateway. */
    @Bean
    AuthorshipInterceptor authorshipInterceptor(Clock clock) {
        return new AuthorshipInterceptor(clock);
    }
}
