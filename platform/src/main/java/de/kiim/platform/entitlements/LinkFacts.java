package de.kiim.platform.entitlements;

import de.kiim.events.EventMetadata;
import de.kiim.events.benefits.BenefitRegimeChanged;
import de.kiim.events.consent.AgencyAccessEnded;
import de.kiim.events.consent.CaseSharedWithAgency;
import de.kiim.events.consent.ConsentGiven;
import de.kiim.events.consent.ConsentWithdrawn;
import de.kiim.events.course.CourseEnrolled;
import de.kiim.events.person.PersonRegistered;
import de.kiim.events.vocabulary.BenefitRegime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.axonframework.eventhandling.DomainEventMessage;

/**
 * The facts about a person that decide which agencies see them (<em>Verknüpfungstatsachen</em>): who registered
 * them, their benefit regime, the standing consents and case shares (each with the agency that recorded it), and
 * the providers of their courses. Ids and codes only, no personal data. Both sides fold a person's events into
 * these facts with {@link #next}: the command side to decide whether a caller is linked to the person, the query
 * side to decide whose views hold the person; {@link LinkRules} turns them into links.
 *
 * @param registeredBy    the agency that registered the person, {@code null} before the registration
 * @param regime          the current benefit regime, {@code null} while none was recorded
 * @param consents        standing consents, each with the agency that recorded it
 * @param caseShares      agencies the case is shared with, each with the agency that shared it
 * @param courseProviders agencies providing one of the person's course enrolments
 */
public record LinkFacts(
        String registeredBy,
        BenefitRegime regime,
        Map<ConsentKey, String> consents,
        Map<String, String> caseShares,
        Set<String> courseProviders) {

    public static final LinkFacts NONE = new LinkFacts(null, null, Map.of(), Map.of(), Set.of());

    public LinkFacts {
        consents = Map.copyOf(consents);
        caseShares = Map.copyOf(caseShares);
        courseProviders = Set.copyOf(courseProviders);
    }

    private static final Set<Class<?>> LINK_EVENTS = Set.of(
            PersonRegistered.class,
            BenefitRegimeChanged.class,
            ConsentGiven.class,
            ConsentWithdrawn.class,
            CaseSharedWithAgency.class,
            AgencyAccessEnded.class,
            CourseEnrolled.class);

    /** Whether events of this type can change a person's links: only these are folded into the facts. */
    public static boolean concerns(Class<?> eventType) {
        return LINK_EVENTS.contains(eventType);
    }

    /** The facts after {@code event}, recorded by {@code authorAgency}; the same facts for any other event. */
    public LinkFacts next(Object event, String authorAgency) {
        if (event instanceof PersonRegistered) {
            return new LinkFacts(authorAgency, regime, consents, caseShares, courseProviders);
        }
        if (event instanceof BenefitRegimeChanged changed) {
            return new LinkFacts(registeredBy, changed.regime(), consents, caseShares, courseProviders);
        }
        if (event instanceof ConsentGiven given) {
            Map<ConsentKey, String> next = new HashMap<>(consents);
            next.put(new ConsentKey(given.recipientAgency(), given.purpose()), String.valueOf(authorAgency));
            return new LinkFacts(registeredBy, regime, next, caseShares, courseProviders);
        }
        if (event instanceof ConsentWithdrawn withdrawn) {
            Map<ConsentKey, String> next = new HashMap<>(consents);
            next.remove(new ConsentKey(withdrawn.recipientAgency(), withdrawn.purpose()));
            return new LinkFacts(registeredBy, regime, next, caseShares, courseProviders);
        }
        if (event instanceof CaseSharedWithAgency shared) {
            Map<String, String> next = new HashMap<>(caseShares);
            next.put(shared.agency(), String.valueOf(authorAgency));
            return new LinkFacts(registeredBy, regime, consents, next, courseProviders);
        }
        if (event instanceof AgencyAccessEnded ended) {
            Map<String, String> next = new HashMap<>(caseShares);
            next.remove(ended.agency());
            return new LinkFacts(registeredBy, regime, consents, next, courseProviders);
        }
        if (event instanceof CourseEnrolled enrolled && enrolled.providerAgency() != null) {
            Set<String> next = new HashSet<>(courseProviders);
            next.add(enrolled.providerAgency());
            return new LinkFacts(registeredBy, regime, consents, caseShares, next);
        }
        return this;
    }

    /**
     * The facts as a person's stream states them before {@code beforeSequence} (all of it: {@link Long#MAX_VALUE});
     * only the payloads of link events are read, so nothing personal is decrypted.
     */
    public static LinkFacts of(Iterator<? extends DomainEventMessage<?>> stream, long beforeSequence) {
        LinkFacts facts = NONE;
        while (stream.hasNext()) {
            DomainEventMessage<?> event = stream.next();
            if (event.getSequenceNumber() >= beforeSequence) {
                break;
            }
            if (concerns(event.getPayloadType())) {
                Object author = event.getMetaData().get(EventMetadata.AGENCY);
                facts = facts.next(event.getPayload(), author == null ? null : author.toString());
            }
        }
        return facts;
    }

    /** The agency that recorded the standing consent, if it stands. */
    public Optional<String> consentRecordedBy(ConsentKey consent) {
        return Optional.ofNullable(consents.get(consent));
    }

    /** The agency that shared the case with {@code agency}, if it is shared. */
    public Optional<String> caseSharedBy(String agency) {
        return Optional.ofNullable(caseShares.get(agency));
    }
}
