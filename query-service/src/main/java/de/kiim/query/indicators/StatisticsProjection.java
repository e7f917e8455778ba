package de.kiim.query.indicators;

import de.kiim.events.EventMetadata;
import de.kiim.events.PersonEvent;
import de.kiim.events.person.PersonRegistered;
import java.util.List;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.stereotype.Component;

/**
 * Feeds the statistics read model. A processing group of its own: it rebuilds without the agency views, and an
 * erasure, which deletes those, has nothing to do here — the facts are in clear and stay (docs/privacy.md).
 */
@Component
@ProcessingGroup(StatisticsProjection.GROUP)
class StatisticsProjection {

    static final String GROUP = "statistics";

    private final StatisticsFacts facts;
    private final SubjectKeys keys;

    StatisticsProjection(StatisticsFacts facts, SubjectKeys keys) {
        this.facts = facts;
        this.keys = keys;
    }

    @ResetHandler
    void onReset() {
        facts.forgetAll();
    }

    @EventHandler
    void on(PersonEvent payload, DomainEventMessage<?> event) {
        List<Fact> found = Facts.of(payload, EventMetadata.recordedAt(event), keys::episode);
        if (found.isEmpty()) {
            return;
        }
        UUID subject = keys.subject(UUID.fromString(event.getAggregateIdentifier()));
        if (payload instanceof PersonRegistered) {
            facts.addSubject(subject, keys.recordKey(subject));
        }
        facts.add(subject, event.getSequenceNumber(), found);
    }
}
