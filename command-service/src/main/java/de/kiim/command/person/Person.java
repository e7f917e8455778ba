package de.kiim.command.person;

import de.kiim.command.erasure.EndSupport;
import de.kiim.command.erasure.ErasePersonData;
import de.kiim.command.erasure.LiftLegalHold;
import de.kiim.command.erasure.PlaceLegalHold;
import de.kiim.command.erasure.RetentionPeriods;
import de.kiim.events.erasure.LegalHoldLifted;
import de.kiim.events.erasure.LegalHoldPlaced;
import de.kiim.events.erasure.PersonDataErased;
import de.kiim.events.erasure.SupportEnded;
import de.kiim.events.PersonId;
import de.kiim.events.person.PersonMovedWithinDistrict;
import de.kiim.events.person.PersonRegistered;
import de.kiim.events.vocabulary.LegalHoldGround;
import de.kiim.platform.crypto.PersonKeys;
import de.kiim.platform.web.RuleViolation;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.EnumSet;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The person (<em>betroffene Person</em>) whose integration path Kiim records; every event about them is appended
 * to this aggregate's stream. It deliberately keeps no personal data in its state: decisions need only codes and
 * dates, and a snapshot of it must hold nothing that survives crypto-shredding.
 */
@Aggregate(cache = "personCache")
public class Person {

    @AggregateIdentifier
    private PersonId personId;
    private boolean supportEnded;
    private final Set<LegalHoldGround> legalHolds = EnumSet.noneOf(LegalHoldGround.class);
    private boolean erased;

    protected Person() {
        // for Axon's event sourcing
    }

    /** Issues the person's own data key first: the event's personal fields are encrypted with it. */
    @CommandHandler
    public Person(RegisterPerson command, PersonKeys keys) {
        keys.issue(command.personId());
        apply(new PersonRegistered(
                command.personId(),
                command.registeredOn(),
                command.familyName(),
                command.givenNames(),
                command.dateOfBirth(),
                command.sex(),
                command.nationality(),
                command.entryDate(),
                command.azrNumber(),
                command.municipality()));
    }

    @CommandHandler
    void handle(MovePerson command) {
        requireNotErased();
        apply(new PersonMovedWithinDistrict(personId, command.movedOn(), command.municipality()));
    }

    @CommandHandler
    void handle(EndSupport command, RetentionPeriods retention) {
        requireNotErased();
        if (supportEnded) {
            throw RuleViolation.conflict("support.already-ended", "Support for this person has already ended.");
        }
        apply(new SupportEnded(personId, command.endedOn(), command.reason(),
                command.endedOn().plus(retention.of(command.reason()))));
    }

    @CommandHandler
    void handle(PlaceLegalHold command) {
        requireNotErased();
        if (legalHolds.contains(command.ground())) {
            throw RuleViolation.conflict("legal-hold.already-placed", "This legal hold is already in place.");
        }
        apply(new LegalHoldPlaced(personId, command.placedOn(), command.ground()));
    }

    @CommandHandler
    void handle(LiftLegalHold command) {
        requireNotErased();
        if (!legalHolds.contains(command.ground())) {
            throw RuleViolation.conflict("legal-hold.not-placed", "No such legal hold is in place.");
        }
        apply(new LegalHoldLifted(personId, command.liftedOn(), command.ground()));
    }

    /** Art. 17(3) legal holds are the only thing that blocks erasure. */
    @CommandHandler
    void handle(ErasePersonData command) {
        requireNotErased();
        if (!legalHolds.isEmpty()) {
            throw RuleViolation.conflict("erasure.legal-hold",
                    "A legal hold under Art. 17(3) GDPR blocks erasure: " + legalHolds + ".");
        }
        apply(new PersonDataErased(personId, command.erasedOn(), command.reason()));
    }

    private void requireNotErased() {
        if (erased) {
            throw RuleViolation.gone("person.erased", "The person's data has been erased.");
        }
    }

    @EventSourcingHandler
    void on(PersonRegistered event) {
        this.personId = event.personId();
    }

    @EventSourcingHandler
    void on(SupportEnded event) {
        this.supportEnded = true;
    }

    @EventSourcingHandler
    void on(LegalHoldPlaced event) {
        legalHolds.add(event.ground());
    }

    @EventSourcingHandler
    void on(LegalHoldLifted event) {
        legalHolds.remove(event.ground());
    }

    @EventSourcingHandler
    void on(PersonDataErased event) {
        this.erased = true;
    }
}
