package de.kiim.command.erasure;

import de.kiim.events.erasure.PersonDataErased;
import de.kiim.platform.crypto.PersonKeys;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * Destroys the person's data key when {@link PersonDataErased} is appended. Its processing group is subscribing,
 * so this runs in the transaction that appends the event: either both happen or neither.
 */
@Component
@ProcessingGroup(ErasureConfiguration.KEY_SHREDDER)
class KeyShredder {

    private final PersonKeys keys;

    KeyShredder(PersonKeys keys) {
        this.keys = keys;
    }

    @EventHandler
    void on(PersonDataErased event) {
        keys.destroy(event.personId());
    }
}
