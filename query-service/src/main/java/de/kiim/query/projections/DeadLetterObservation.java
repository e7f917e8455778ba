package de.kiim.query.projections;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.Map;
import java.util.TreeMap;
import org.axonframework.config.EventProcessingConfiguration;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Dead letters where operators look: a gauge {@code kiim.projection.dead.lettered.persons} per projection, and a
 * health component {@code deadLetters} with the counts. The service stays UP with dead letters — the other persons'
 * events go on — but the counts say that someone has to look ({@code /api/v1/admin/projections/{name}/dead-letters}).
 */
@Component("deadLetters")
class DeadLetterObservation implements MeterBinder, HealthIndicator {

    private final EventProcessingConfiguration processing;

    DeadLetterObservation(EventProcessingConfiguration processing) {
        this.processing = processing;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        processing
                .eventProcessors()
                .keySet()
                .forEach(name -> processing
                        .deadLetterQueue(name)
                        .ifPresent(queue -> Gauge.builder(
                                        "kiim.projection.dead.lettered.persons", queue, q -> q.amountOfSequences())
                                .description("Persons whose events wait in the projection's dead-letter queue")
                                .tag("projection", name)
                                .register(registry)));
    }

    @Override
    public Health health() {
        Map<String, Long> waiting = new TreeMap<>();
        processing
                .eventProcessors()
                .keySet()
                .forEach(name -> processing
                        .deadLetterQueue(name)
                        .ifPresent(queue -> waiting.put(name, queue.amountOfSequences())));
        return Health.up().withDetail("deadLetteredPersons", waiting).build();
    }
}
