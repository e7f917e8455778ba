package de.kiim.platform.crypto;

import de.kiim.events.PersonId;
import de.kiim.events.privacy.KeyRing;

/** Issuing and destroying a person's data key: the two moments of a data key's life the command side decides. */
public interface PersonKeys extends KeyRing {

    /** Creates the person's data key, in the caller's transaction. */
    void issue(PersonId personId);

    /** Crypto-shredding: after this, every personal field of the person reads as erased. */
    void destroy(PersonId personId);
}
