package de.kiim.command.person;

import de.kiim.events.person.PersonId;
import de.kiim.events.person.PersonRegistered;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The person (<em>betroffene Person</em>) whose integration path Kiim records; every event about them is appended
 * to this aggregate's stream. It deliberately keeps no personal data in its state: decisions need only codes and
 * dates, and a snapshot of it must hold nothing that survives crypto-shredding.
 */
@Aggregate
public class Person {

    @AggregateIdentifier
    private PersonId personId;

    protected Person() {
        // for Axon's event sourcing
    }

    @CommandHandler
    public Person(RegisterPerson command) {
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

    @EventSourcingHandler
    void on(PersonRegistered event) {
        this.personId = event.personId();
    }
}
