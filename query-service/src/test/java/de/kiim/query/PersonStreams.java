package de.kiim.query;

import de.kiim.events.EventMetadata;
import de.kiim.events.PersonId;
import de.kiim.platform.crypto.PersonKeyStore;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.springframework.context.ApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Appends events to persons' streams as the command service does: with author metadata, and with the person's data
 * key issued before their first event, in one transaction.
 */
final class PersonStreams {

    private final EventStore eventStore;
    private final TransactionTemplate transactions;
    private final PersonKeyStore keys;

    PersonStreams(ApplicationContext context) {
        this.eventStore = context.getBean(EventStore.class);
        this.transactions = context.getBean(TransactionTemplate.class);
        this.keys = context.getBean(PersonKeyStore.class);
    }

    /** Appends {@code events} from sequence number {@code first} on, written by a user of {@code agency}. */
    void append(PersonId personId, long first, String agency, List<?> events) {
        var metadata = MetaData.from(Map.of(
                EventMetadata.USER,
                "test",
                EventMetadata.AGENCY,
                agency,
                EventMetadata.RECORDED_AT,
                "2024-05-07T08:15:30Z",
                EventMetadata.CORRELATION_ID,
                "test"));
        transactions.executeWithoutResult(status -> {
            if (first == 0) {
                keys.issue(personId);
            }
            for (int i = 0; i < events.size(); i++) {
                eventStore.publish(new GenericDomainEventMessage<>(
                        "Person", personId.toString(), first + i, events.get(i), metadata));
            }
        });
    }
}
