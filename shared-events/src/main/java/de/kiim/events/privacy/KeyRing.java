package de.kiim.events.privacy;

import de.kiim.events.PersonId;
import java.util.Optional;
import javax.crypto.SecretKey;

/** Finds a person's own data key; empty when the person has none (never had, or it was destroyed on erasure). */
@FunctionalInterface
public interface KeyRing {

    Optional<SecretKey> find(PersonId personId);
}
