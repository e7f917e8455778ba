package de.kiim.command.duplicates;

import de.kiim.command.api.Caller;
import de.kiim.platform.entitlements.LinkFacts;
import de.kiim.platform.entitlements.LinkRules;
import java.util.UUID;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/**
 * Whether the caller's agency sees another person than the one a command is for — the duplicate candidates of a
 * registration. Folds the candidate's link events (payloads of other events are never read, so nothing is
 * decrypted) and asks the same {@link LinkRules} as every command.
 */
@Component
class PersonVisibility {

    private final EventStore events;
    private final LinkRules rules;

    PersonVisibility(EventStore events, LinkRules rules) {
        this.events = events;
        this.rules = rules;
    }

    boolean sees(Caller caller, UUID personId) {
        LinkFacts facts = LinkFacts.of(events.readEvents(personId.toString()), Long.MAX_VALUE);
        return rules.sees(facts, caller.agency(), caller.kind());
    }
}
