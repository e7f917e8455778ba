package de.kiim.query.agencyviews;

import de.kiim.events.benefits.BenefitRegimeChanged;
import de.kiim.events.consent.AgencyAccessEnded;
import de.kiim.events.consent.CaseSharedWithAgency;
import de.kiim.events.consent.ConsentGiven;
import de.kiim.events.consent.ConsentWithdrawn;
import de.kiim.events.course.CourseEnrolled;
import de.kiim.events.person.PersonRegistered;
import de.kiim.events.vocabulary.AgencyKind;
import de.kiim.platform.entitlements.EntitlementPolicy;
import de.kiim.platform.entitlements.LinkReason;
import de.kiim.query.projections.AtCommit;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Which agencies see which person, and why (table {@code query.person_link}), kept in step with the events by the
 * link rules of the entitlement policy: the registering agency, every agency linked to all persons, the agencies
 * responsible for the person's benefit regime, consents, case sharing and course providers. Also remembers who
 * provides each course enrolment, for views restricted to an agency's own records.
 */
@Component
class PersonLinks {

    private final JdbcTemplate jdbc;
    private final EntitlementPolicy policy;
    private final Agencies agencies;

    PersonLinks(JdbcTemplate jdbc, EntitlementPolicy policy, Agencies agencies) {
        this.jdbc = jdbc;
        this.policy = policy;
        this.agencies = agencies;
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
        return AtCommit.pending(this, HashMap::new, nothingToWrite -> { });
    }

    private void linksChange(UUID personId) {
        knownInThisTransaction().ifPresent(known -> known.remove(personId));
    }

    /**
     * Applies the link rules to one event of the person; answers whether the event is one the rules look at (only
     * then can the person's links have changed).
     */
    boolean apply(UUID personId, Object event, String authorAgency, LocalDate day) {
        if (event instanceof PersonRegistered) {
            if (linkable(authorAgency, LinkReason.REGISTERED)) {
                link(personId, authorAgency, LinkReason.REGISTERED.name(), day);
            }
            agencies.ofKinds(kindsLinkedBy(LinkReason.ALL_PERSONS))
                    .forEach(agency -> link(personId, agency, LinkReason.ALL_PERSONS.name(), day));
        } else if (event instanceof BenefitRegimeChanged changed) {
            linksChange(personId);
            jdbc.update("delete from query.person_link where person_id = ? and reason = ?", personId,
                    LinkReason.BENEFIT_REGIME.name());
            Set<AgencyKind> responsible = Arrays.stream(AgencyKind.values())
                    .filter(kind -> policy.of(kind).linkedBy().contains(LinkReason.BENEFIT_REGIME)
                            && policy.of(kind).benefitRegimes().contains(changed.regime()))
                    .collect(Collectors.toCollection(() -> EnumSet.noneOf(AgencyKind.class)));
            agencies.ofKinds(responsible)
                    .forEach(agency -> link(personId, agency, LinkReason.BENEFIT_REGIME.name(), day));
        } else if (event instanceof ConsentGiven consent && linkable(consent.recipientAgency(), LinkReason.CONSENT)) {
            link(personId, consent.recipientAgency(), consentReason(consent.purpose().name()), day);
        } else if (event instanceof ConsentWithdrawn withdrawn) {
            unlink(personId, withdrawn.recipientAgency(), consentReason(withdrawn.purpose().name()));
        } else if (event instanceof CaseSharedWithAgency shared && linkable(shared.agency(), LinkReason.CASE_SHARING)) {
            link(personId, shared.agency(), LinkReason.CASE_SHARING.name(), day);
        } else if (event instanceof AgencyAccessEnded ended) {
            unlink(personId, ended.agency(), LinkReason.CASE_SHARING.name());
        } else if (event instanceof CourseEnrolled enrolled) {
            jdbc.update("""
                            insert into query.course_provider (person_id, enrolment_id, agency_id) values (?, ?, ?)
                            on conflict do nothing""", personId, enrolled.enrolmentId(), enrolled.providerAgency());
            if (linkable(enrolled.providerAgency(), LinkReason.COURSE_PROVIDER)) {
                link(personId, enrolled.providerAgency(), LinkReason.COURSE_PROVIDER.name(), day);
            }
        } else {
            return false;
        }
        return true;
    }

    /** The agency providing the course enrolment, if known. */
    Optional<String> providerOf(UUID personId, UUID enrolmentId) {
        List<String> provider = jdbc.queryForList("select agency_id from query.course_provider where person_id = ? "
                + "and enrolment_id = ?", String.class, personId, enrolmentId);
        return provider.stream().findFirst();
    }

    void forget(UUID personId) {
        linksChange(personId);
        jdbc.update("delete from query.person_link where person_id = ?", personId);
        jdbc.update("delete from query.course_provider where person_id = ?", personId);
    }

    void forgetAll() {
        knownInThisTransaction().ifPresent(Map::clear);
        jdbc.update("delete from query.person_link");
        jdbc.update("delete from query.course_provider");
    }

    private boolean linkable(String agency, LinkReason reason) {
        return agencies.kindOf(agency).map(kind -> policy.of(kind).linkedBy().contains(reason)).orElse(false);
    }

    private Set<AgencyKind> kindsLinkedBy(LinkReason reason) {
        return Arrays.stream(AgencyKind.values()).filter(kind -> policy.of(kind).linkedBy().contains(reason))
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(AgencyKind.class)));
    }

    private void link(UUID personId, String agency, String reason, LocalDate day) {
        linksChange(personId);
        jdbc.update("""
                insert into query.person_link (person_id, agency_id, reason, since) values (?, ?, ?, ?)
                on conflict do nothing""", personId, agency, reason, day);
    }

    private void unlink(UUID personId, String agency, String reason) {
        linksChange(personId);
        jdbc.update("delete from query.person_link where person_id = ? and agency_id = ? and reason = ?", personId,
                agency, reason);
    }

    private static String consentReason(String purpose) {
        return LinkReason.CONSENT.name() + ":" + purpose;
    }
}
