package de.kiim.query.agencyviews;

import de.kiim.events.course.CourseEnrolled;
import de.kiim.platform.entitlements.LinkFacts;
import de.kiim.platform.entitlements.LinkRules;
import de.kiim.query.projections.AtCommit;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Which agencies see which person, and why (table {@code query.person_link}), kept in step with the events by the
 * one link rule both sides share ({@link LinkRules} over the person's {@link LinkFacts}, kept in
 * {@code query.person_link_facts}): the registering agency, every agency linked to all persons, the agencies
 * responsible for the person's benefit regime, consents, case sharing and course providers. Also remembers who
 * provides each course enrolment, for views restricted to an agency's own records.
 */
@Component
class PersonLinks {

    private final JdbcTemplate jdbc;
    private final LinkRules rules;
    private final Agencies agencies;
    private final EventStore events;

    PersonLinks(JdbcTemplate jdbc, LinkRules rules, Agencies agencies, EventStore events) {
        this.jdbc = jdbc;
        this.rules = rules;
        this.agencies = agencies;
        this.events = events;
    }

    /**
     * The agencies that see the person now. Remembered for the rest of the transaction (a processor's batch meets
     * the same person many times, in a replay above all) until a link of the person changes.
     */
    Set<String> linkedAgencies(UUID personId) {
        Optional<Map<UUID, Set<String>>> known = knownInThisTransaction();
        if (known.isPresent() && known.get().containsKey(personId)) {
            return known.get().get(personId);
        }
        Set<String> linked = Set.copyOf(jdbc.queryForList(
                "select distinct agency_id from query.person_link where person_id = ?", String.class, personId));
        known.ifPresent(map -> map.put(personId, linked));
        return linked;
    }

    private Optional<Map<UUID, Set<String>>> knownInThisTransaction() {
        return AtCommit.pending(this, HashMap::new, nothingToWrite -> {});
    }

    private void linksChange(UUID personId) {
        knownInThisTransaction().ifPresent(known -> known.remove(personId));
    }

    /**
     * Applies the link rules to one event of the person: folds it into the person's {@link LinkFacts} and makes
     * the stored links those that {@link LinkRules} derives from the new facts, for every agency of the directory.
     * Answers whether the event is one the rules look at (only then can the person's links have changed).
     */
    boolean apply(UUID personId, DomainEventMessage<?> event, String authorAgency, LocalDate day) {
        if (!LinkFacts.concerns(event.getPayloadType())) {
            return false;
        }
        Object payload = event.getPayload();
        if (payload instanceof CourseEnrolled enrolled) {
            jdbc.update("""
                            insert into query.course_provider (person_id, enrolment_id, agency_id) values (?, ?, ?)
                            on conflict do nothing""", personId, enrolled.enrolmentId(), enrolled.providerAgency());
        }
        LinkFacts facts = factsBefore(personId, event).next(payload, authorAgency);
        jdbc.update("""
                insert into query.person_link_facts (person_id, facts) values (?, ?::jsonb)
                on conflict (person_id) do update set facts = excluded.facts""", personId, StoredFacts.json(facts));
        relink(personId, rules.links(facts, agencies.all()), event.getSequenceNumber() == 0, day);
        return true;
    }

    /**
     * The facts as they stood before {@code event}: stored, or — for persons recorded before the facts were kept,
     * the registration aside — folded from the person's stream up to the event.
     */
    private LinkFacts factsBefore(UUID personId, DomainEventMessage<?> event) {
        if (event.getSequenceNumber() == 0) {
            return LinkFacts.NONE;
        }
        List<String> stored = jdbc.queryForList(
                "select facts::text from query.person_link_facts where person_id = ?", String.class, personId);
        if (!stored.isEmpty()) {
            return StoredFacts.parse(stored.get(0));
        }
        return LinkFacts.of(events.readEvents(personId.toString()), event.getSequenceNumber());
    }

    /** Makes the stored links of the person exactly {@code links}; a link that begins is dated {@code day}. */
    private void relink(UUID personId, Map<String, Set<String>> links, boolean firstEvent, LocalDate day) {
        linksChange(personId);
        Set<List<String>> wanted = new HashSet<>();
        links.forEach((agency, grounds) -> grounds.forEach(ground -> wanted.add(List.of(agency, ground))));
        Set<List<String>> stored = firstEvent
                ? Set.of()
                : new HashSet<>(jdbc.query(
                        "select agency_id, reason from query.person_link where person_id = ?",
                        (rs, row) -> List.of(rs.getString(1), rs.getString(2)),
                        personId));
        for (List<String> link : stored) {
            if (!wanted.contains(link)) {
                jdbc.update(
                        "delete from query.person_link where person_id = ? and agency_id = ? and reason = ?",
                        personId,
                        link.get(0),
                        link.get(1));
            }
        }
        for (List<String> link : wanted) {
            if (!stored.contains(link)) {
                // Idempotent: a redelivered event (at-least-once) finds its links already there.
                jdbc.update("""
                        insert into query.person_link (person_id, agency_id, reason, since) values (?, ?, ?, ?)
                        on conflict do nothing""", personId, link.get(0), link.get(1), day);
            }
        }
    }

    /** The agency providing the course enrolment, if known. */
    Optional<String> providerOf(UUID personId, UUID enrolmentId) {
        List<String> provider = jdbc.queryForList(
                "select agency_id from query.course_provider where person_id = ? " + "and enrolment_id = ?",
                String.class,
                personId,
                enrolmentId);
        return provider.stream().findFirst();
    }

    void forget(UUID personId) {
        linksChange(personId);
        jdbc.update("delete from query.person_link_facts where person_id = ?", personId);
        jdbc.update("delete from query.person_link where person_id = ?", personId);
        jdbc.update("delete from query.course_provider where person_id = ?", personId);
    }

    /** A closed agency sees nobody any more. */
    void forgetAgency(String agency) {
        knownInThisTransaction().ifPresent(Map::clear);
        jdbc.update("delete from query.person_link where agency_id = ?", agency);
    }

    void forgetAll() {
        knownInThisTransaction().ifPresent(Map::clear);
        jdbc.update("delete from query.person_link_facts");
        jdbc.update("delete from query.person_link");
        jdbc.update("delete from query.course_provider");
    }
}
