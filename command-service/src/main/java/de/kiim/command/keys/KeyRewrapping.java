package de.kiim.command.keys;

import de.kiim.platform.crypto.DeploymentKeys;
import de.kiim.platform.crypto.PersonKeyStore;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Re-wraps every key a previous KEK wrapped — the persons' data keys and the deployment's keys — with the current. */
@Component
class KeyRewrapping {

    private final PersonKeyStore personKeys;
    private final DeploymentKeys deploymentKeys;

    KeyRewrapping(PersonKeyStore personKeys, DeploymentKeys deploymentKeys) {
        this.personKeys = personKeys;
        this.deploymentKeys = deploymentKeys;
    }

    /** Returns how many keys were re-wrapped. */
    @Transactional
    public int rewrapAll() {
        return personKeys.rewrapAll() + deploymentKeys.rewrapAll();
    }
}
