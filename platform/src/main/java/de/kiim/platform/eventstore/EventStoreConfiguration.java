package de.kiim.platform.eventstore;

import de.kiim.events.EventJson;
import de.kiim.events.privacy.CryptoShreddingSerializer;
import de.kiim.events.privacy.KeyRing;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventhandling.deadletter.jdbc.DeadLetterSchema;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jpa.SQLStateResolver;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.springboot.autoconfig.AxonAutoConfiguration;
import org.axonframework.springboot.autoconfig.JdbcAutoConfiguration;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Axon's JDBC event store, token store and dead-letter queue on the tables Flyway created in schema
 * {@code event_store} (see {@code db/platform/V1__event_store.sql}), with Jackson as the only serializer, wrapped
 * for crypto-shredding.
 */
@AutoConfiguration(before = {JdbcAutoConfiguration.class, AxonAutoConfiguration.class})
public class EventStoreConfiguration {

    /** PostgreSQL's SQL state for a unique constraint violation. */
    public static final String UNIQUE_VIOLATION = "23505";

    @Bean
    EventSchema eventSchema() {
        return EventStoreSchemas.events(EventStoreSchemas.EVENTS);
    }

    @Bean
    TokenSchema tokenSchema() {
        return EventStoreSchemas.tokens();
    }

    @Bean
    DeadLetterSchema deadLetterSchema() {
        return EventStoreSchemas.deadLetters();
    }

    /** Axon's JDBC storage engine on the Flyway-created tables; one per process, shared by all processors. */
    @Bean
    EventStorageEngine eventStorageEngine(
            Serializer serializer,
            @Qualifier("eventSerializer") Serializer eventSerializer,
            PersistenceExceptionResolver persistenceExceptionResolver,
            org.axonframework.config.Configuration axon,
            ConnectionProvider connectionProvider,
            TransactionManager transactionManager,
            EventSchema eventSchema) {
        return JdbcEventStorageEngine.builder()
                .snapshotSerializer(serializer)
                .eventSerializer(eventSerializer)
                .upcasterChain(axon.upcasterChain())
                .snapshotFilter(axon.snapshotFilter())
                .persistenceExceptionResolver(persistenceExceptionResolver)
                .connectionProvider(connectionProvider)
                .transactionManager(transactionManager)
                .schema(eventSchema)
                .build();
    }

    /**
     * Recognises PostgreSQL's unique violation (SQL state 23505) as a concurrent append of the same sequence number,
     * so it surfaces as Axon's {@code ConcurrencyException} (retried, else 409). Axon's default for JDBC,
     * {@code JdbcSQLErrorCodesResolver}, looks for {@code SQLIntegrityConstraintViolationException}, which the
     * PostgreSQL driver never throws: a lost race would have been a 500.
     */
    @Bean
    PersistenceExceptionResolver persistenceExceptionResolver() {
        return new SQLStateResolver(UNIQUE_VIOLATION);
    }

    /**
     * The event store as Axon would build it, but polling for events appended by other processes every
     * {@code kiim.event-store.fetch-delay} (default 200 ms) instead of Axon's 1 s: the command service writes, the
     * query service reads, and a counselor expects to see a step within a second of recording it. An idle poll is
     * one indexed query.
     */
    @Bean(name = "eventBus")
    @Qualifier("eventStore")
    EmbeddedEventStore eventStore(
            EventStorageEngine storageEngine,
            org.axonframework.config.Configuration axon,
            @Value("${kiim.event-store.fetch-delay:200ms}") Duration fetchDelay) {
        return EmbeddedEventStore.builder()
                .storageEngine(storageEngine)
                .messageMonitor(axon.messageMonitor(EventStore.class, "eventStore"))
                .spanFactory(axon.getComponent(EventBusSpanFactory.class))
                .fetchDelay(fetchDelay.toMillis())
                .timeUnit(TimeUnit.MILLISECONDS)
                .build();
    }

    /**
     * Snapshots, tokens, dead-letter diagnostics: everything Axon stores that is not an event. Every serializer
     * encrypts personal data, so none of them can write it in clear by accident.
     */
    @Bean
    @Primary
    Serializer serializer(KeyRing keys) {
        return cryptoShredding(keys);
    }

    @Bean
    @Qualifier("eventSerializer")
    Serializer eventSerializer(KeyRing keys) {
        return cryptoShredding(keys);
    }

    @Bean
    @Qualifier("messageSerializer")
    Serializer messageSerializer(KeyRing keys) {
        return cryptoShredding(keys);
    }

    private static Serializer cryptoShredding(KeyRing keys) {
        return new CryptoShreddingSerializer(
                JacksonSerializer.builder()
                        .objectMapper(EventJson.newObjectMapper())
                        .build(),
                keys);
    }
}
