package de.kiim.command.consent;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import de.kiim.command.api.Caller;
import de.kiim.events.EventMetadata;
import de.kiim.events.PersonId;
import de.kiim.events.benefits.BenefitRegimeChanged;
import de.kiim.events.consent.AgencyAccessEnded;
import de.kiim.events.consent.CaseSharedWithAgency;
import de.kiim.events.consent.ConsentGiven;
import de.kiim.events.consent.ConsentWithdrawn;
import de.kiim.events.course.CourseEnrolled;
import de.kiim.events.person.PersonRegistered;
import de.kiim.platform.entitlements.ConsentKey;
import de.kiim.platform.entitlements.EntitlementPolicy;
import de.kiim.platform.entitlements.LinkFacts;
import de.kiim.platform.entitlements.LinkRules;
import de.kiim.platform.web.RuleViolation;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.http.HttpStatus;

/**
 * Which agencies see a person (ADR 0011), and the consents and case shares by which further agencies come to see
 * them: a member of the {@code Person} aggregate with the rules for granting and ending them. It folds the
 * person's link events into {@link LinkFacts} exactly as the query side does, so both sides link alike.
 */
public class AgencyLinks {

    private LinkFacts facts = LinkFacts.NONE;

    /**
     * A step comes only from an agency that sees the person under the link rules; to any other agency the person
     * does not exist: it gets the very answer an unknown person id gets, so that a write tells it nothing.
     */
    public void requireSeenBy(Caller caller, LinkRules rules, PersonId personId) {
        if (!rules.sees(facts, caller.agency(), caller.kind())) {
            throw new AggregateNotFoundException(personId.toString(), "No such person.");
        }
    }

    /** Recorded by an agency that already sees the person, for another agency: nobody grants itself access. */
    @CommandHandler
    void handle(GiveConsent command, CommandMessage<?> message) {
        if (command.recipientAgency().equals(Caller.of(message).agency())) {
            throw RuleViolation.unprocessable(
                    "consent.own-agency",
                    "An agency cannot record a consent to itself; an agency that already sees the person does.");
        }
        var consent = new ConsentKey(command.recipientAgency(), command.purpose());
        if (facts.consentRecordedBy(consent).isPresent()) {
            throw RuleViolation.conflict(
                    "consent.already-given", "This consent for this agency and purpose already stands.");
        }
        apply(new ConsentGiven(
                command.personId(),
                command.occurredOn(),
                command.purpose(),
                command.recipientAgency(),
                command.legalBasis(),
                command.evidenceReference()));
    }

    @CommandHandler
    void handle(WithdrawConsent command, CommandMessage<?> message, EntitlementPolicy policy) {
        var consent = new ConsentKey(command.recipientAgency(), command.purpose());
        var recordedBy = facts.consentRecordedBy(consent);
        if (recordedBy.isEmpty()) {
            throw RuleViolation.conflict("consent.not-given", "No consent for this agency and purpose stands.");
        }
        requireMayEnd(Caller.of(message), command.recipientAgency(), recordedBy.get(), policy);
        apply(new ConsentWithdrawn(
                command.personId(), command.occurredOn(), command.purpose(), command.recipientAgency()));
    }

    @CommandHandler
    void handle(ShareCase command, CommandMessage<?> message) {
        if (command.agency().equals(Caller.of(message).agency())) {
            throw RuleViolation.unprocessable(
                    "case.own-agency",
                    "An agency cannot share a case with itself; an agency that already sees the person does.");
        }
        if (facts.caseSharedBy(command.agency()).isPresent()) {
            throw RuleViolation.conflict("case.already-shared", "The case is already shared with this agency.");
        }
        apply(new CaseSharedWithAgency(
                command.personId(), command.occurredOn(), command.agency(), command.legalBasis()));
    }

    @CommandHandler
    void handle(EndAgencyAccess command, CommandMessage<?> message, EntitlementPolicy policy) {
        var sharedBy = facts.caseSharedBy(command.agency());
        if (sharedBy.isEmpty()) {
            throw RuleViolation.conflict("case.not-shared", "The case is not shared with this agency.");
        }
        requireMayEnd(Caller.of(message), command.agency(), sharedBy.get(), policy);
        apply(new AgencyAccessEnded(command.personId(), command.occurredOn(), command.agency()));
    }

    /*
     * One handler per link event (LinkFacts.concerns), none for the rest: a handler for every event would have
     * each payload of the person's history deserialized and decrypted at every load, only to be ignored.
     */

    @EventSourcingHandler
    void on(PersonRegistered event, @MetaDataValue(EventMetadata.AGENCY) String author) {
        fold(event, author);
    }

    @EventSourcingHandler
    void on(BenefitRegimeChanged event, @MetaDataValue(EventMetadata.AGENCY) String author) {
        fold(event, author);
    }

    @EventSourcingHandler
    void on(ConsentGiven event, @MetaDataValue(EventMetadata.AGENCY) String author) {
        fold(event, author);
    }

    @EventSourcingHandler
    void on(ConsentWithdrawn event, @MetaDataValue(EventMetadata.AGENCY) String author) {
        fold(event, author);
    }

    @EventSourcingHandler
    void on(CaseSharedWithAgency event, @MetaDataValue(EventMetadata.AGENCY) String author) {
        fold(event, author);
    }

    @EventSourcingHandler
    void on(AgencyAccessEnded event, @MetaDataValue(EventMetadata.AGENCY) String author) {
        fold(event, author);
    }

    @EventSourcingHandler
    void on(CourseEnrolled event, @MetaDataValue(EventMetadata.AGENCY) String author) {
        fold(event, author);
    }

    private void fold(Object event, String author) {
        facts = facts.next(event, author);
    }

    /**
     * A consent or case share is ended by the agency that received it, the one that recorded it, or an agency whose
     * kind the policy lets end others' grants (integration management) — never by a third agency.
     */
    private static void requireMayEnd(Caller caller, String recipient, String recordedBy, EntitlementPolicy policy) {
        if (!caller.agency().equals(recipient)
                && !caller.agency().equals(recordedBy)
                && !policy.of(caller.kind()).endsOthersGrants()) {
            throw new RuleViolation(
                    HttpStatus.FORBIDDEN,
                    "grant.not-yours",
                    "Only the receiving or the recording agency, or integration management, ends this access.");
        }
    }
}
