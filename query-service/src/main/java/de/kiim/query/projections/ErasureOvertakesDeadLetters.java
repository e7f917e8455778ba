package de.kiim.query.projections;

import de.kiim.events.erasure.PersonDataErased;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.config.Configuration;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.springframework.context.annotation.Bean;

/**
 * An erasure is never queued behind a person's dead letters. The dead-letter queue keeps a person's events in
 * order: once one is dead-lettered, every later one joins it, the erasure too, and the views would keep the
 * person's names and dates until someone processed the queue. So when the erasure arrives, the person's dead
 * letters are evicted first (their data goes with the erasure, and the person's key is already destroyed) and the
 * erasure is handled at once, leaving the views as a replay would.
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
class ErasureOvertakesDeadLetters {

    @Bean
    ConfigurerModule erasuresEvictDeadLetters() {
        return configurer -> configurer
                .eventProcessing()
                .registerDefaultHandlerInterceptor(ErasureOvertakesDeadLetters::evictBeforeErasure);
    }

    private static MessageHandlerInterceptor<EventMessage<?>> evictBeforeErasure(
            Configuration config, String processor) {
        return (unitOfWork, chain) -> {
            EventMessage<?> event = unitOfWork.getMessage();
            if (PersonDataErased.class.equals(event.getPayloadType())) {
                var processing = config.eventProcessingConfiguration();
                processing.deadLetterQueue(processor).ifPresent(queue -> {
                    Object sequence = processing.sequencingPolicy(processor).getSequenceIdentifierFor(event);
                    List<DeadLetter<? extends EventMessage<?>>> letters = new ArrayList<>();
                    queue.deadLetterSequence(sequence).forEach(letters::add);
                    letters.forEach(queue::evict);
                });
            }
            return chain.proceed();
        };
    }
}
