package de.kiim.platform.processing;

import java.time.Duration;
import org.axonframework.config.ConfigurerModule;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Every pooled streaming processor shares its segments fairly among the live instances of its service. */
@AutoConfiguration
@EnableScheduling
public class ProcessingConfiguration {

    @Bean(destroyMethod = "leave")
    FairShareSegments fairShareSegments(
            JdbcTemplate jdbc,
            @Value("${spring.application.name}") String service,
            @Value("${kiim.processing.heartbeat:PT2S}") Duration heartbeat) {
        // The first beat comes from the scheduler, which starts only once the context is up: an instance that
        // fails to start never counts as live.
        return new FairShareSegments(jdbc, service, heartbeat);
    }

    @Bean
    ConfigurerModule fairShareOfSegments(FairShareSegments fairShare) {
        return configurer -> configurer
                .eventProcessing()
                .registerPooledStreamingEventProcessorConfiguration(
                        (config, builder) -> builder.maxSegmentProvider(fairShare));
    }
}
