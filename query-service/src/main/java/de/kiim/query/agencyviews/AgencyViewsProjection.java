package de.kiim.query.agencyviews;

import de.kiim.events.EventMetadata;
import de.kiim.events.PersonEvent;
import de.kiim.events.PersonId;
import de.kiim.events.course.CourseEvent;
import de.kiim.events.erasure.PersonDataErased;
import de.kiim.events.privacy.PersonalDataModel;
import de.kiim.events.vocabulary.AgencyKind;
import de.kiim.platform.crypto.CryptoProperties;
import de.kiim.platform.crypto.PersonKeyStore;
import de.kiim.platform.entitlements.EntitlementPolicy;
import de.kiim.query.personcard.PersonCards;
import de.kiim.query.timeline.TimelineEntries;
import java.util.Iterator;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/**
 * Writes the timeline and card of every agency that sees a person, with only what the entitlement policy lets that
 * agency read (docs/entitlements.md). For each event: the link rules decide which agencies see the person now; an
 * agency that lost its link loses its rows for the person; an agency newly linked gets its view back-filled from
 * the person's stream up to this event; every other linked agency gets the event, filtered. One processing group,
 * because links and views must change together; events of one person are handled in order.
 */
@Component
@ProcessingGroup(AgencyViewsProjection.GROUP)
class AgencyViewsProjection {

    static final String GROUP = "agency-views";

    private final PersonLinks links;
    private final Agencies agencies;
    private final AgencyFieldFilter filter;
    private final TimelineEntries timeline;
    private final PersonCards cards;
    private final EventStore events;
    private final PersonKeyStore keys;
    private final long keyCacheSize;

    AgencyViewsProjection(
            PersonLinks links,
            Agencies agencies,
            EntitlementPolicy policy,
            TimelineEntries timeline,
            PersonCards cards,
            EventStore events,
            PersonKeyStore keys,
            CryptoProperties crypto) {
        this.links = links;
        this.agencies = agencies;
        this.filter = new AgencyFieldFilter(policy);
        this.timeline = timeline;
        this.cards = cards;
        this.events = events;
        this.keys = keys;
        this.keyCacheSize = crypto.keyCacheSize();
    }

    /**
     * A replay starts from nothing. It meets every person again, most of them long gone from the key cache: the
     * keys are loaded in one scan instead of one query per person.
     */
    @ResetHandler
    void onReset() {
        agencies.refresh();
        links.forgetAll();
        timeline.forgetAll();
        cards.forgetAll();
        keys.preloadAll(keyCacheSize);
    }

    /**
     * Erasure: every view and link of the person goes, and this instance forgets their data key at once (other
     * caches expire within their TTL). A replay that meets the person's earlier events first writes them as erased
     * entries and deletes them again here.
     */
    @EventHandler
    void on(PersonDataErased event) {
        UUID personId = event.personId().value();
        keys.evict(event.personId());
        links.forget(personId);
        timeline.forgetPerson(personId);
        cards.forgetPerson(personId);
    }

    @EventHandler
    void on(PersonEvent payload, DomainEventMessage<?> event) {
        UUID personId = UUID.fromString(event.getAggregateIdentifier());
        Set<String> before = links.linkedAgencies(personId);
        boolean linkRuleApplied = links.apply(personId, event, authorAgency(event), payload.occurredAt());
        Set<String> after = linkRuleApplied ? links.linkedAgencies(personId) : before;
        for (String agency : before) {
            if (!after.contains(agency)) {
                timeline.forget(agency, personId);
                cards.forget(agency, personId);
            }
        }
        for (String agency : after) {
            if (before.contains(agency)) {
                write(agency, personId, payload, event);
            } else {
                backfill(agency, personId, payload, event);
            }
        }
        cards.advanceVersion(personId, event.getSequenceNumber());
    }

    /**
     * The agency's view as if it had been linked from the start: every event of the person up to this one. Most
     * links begin with the registration, the person's first event: then there is nothing earlier to read.
     */
    private void backfill(String agency, UUID personId, Object payload, DomainEventMessage<?> event) {
        if (event.getSequenceNumber() == 0) {
            write(agency, personId, payload, event);
            return;
        }
        long upToSequence = event.getSequenceNumber();
        Iterator<? extends DomainEventMessage<?>> history = events.readEvents(personId.toString());
        while (history.hasNext()) {
            DomainEventMessage<?> past = history.next();
            if (past.getSequenceNumber() > upToSequence) {
                break;
            }
            write(agency, personId, past.getPayload(), past);
        }
    }

    private void write(String agency, UUID personId, Object payload, DomainEventMessage<?> event) {
        Optional<AgencyKind> kind = agencies.kindOf(agency);
        if (kind.isEmpty()) {
            return;
        }
        Optional<AgencyFieldFilter.Visible> visible =
                filter.filter(kind.get(), payload, () -> isOwnRecord(agency, personId, payload, event));
        if (visible.isEmpty()) {
            return;
        }
        boolean erased = PersonalDataModel.of(payload.getClass()).hasPersonalData()
                && keys.find(new PersonId(personId)).isEmpty();
        boolean wholeCategory = visible.get().wholeCategory();
        timeline.write(agency, event, visible.get().fields(), erased, wholeCategory);
        cards.apply(
                agency,
                personId,
                payload,
                visible.get().readable(),
                event.getSequenceNumber(),
                wholeCategory ? authorAgency(event) : null);
    }

    /** Recorded by the agency itself, or a step of a course it provides. */
    private boolean isOwnRecord(String agency, UUID personId, Object payload, DomainEventMessage<?> message) {
        if (agency.equals(authorAgency(message))) {
            return true;
        }
        return payload instanceof CourseEvent course
                && links.providerOf(personId, course.enrolmentId())
                        .filter(agency::equals)
                        .isPresent();
    }

    private static String authorAgency(DomainEventMessage<?> event) {
        Object agency = event.getMetaData().get(EventMetadata.AGENCY);
        return agency == null ? null : agency.toString();
    }
}
