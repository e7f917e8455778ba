package de.kiim.command.duplicates;

import de.kiim.platform.crypto.DeploymentKeys;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.springframework.stereotype.Component;

/**
 * Keyed digests (HMAC-SHA-256) of what identifies a person, for finding duplicates without storing it: equal
 * inputs give equal digests, and without the deployment's key nobody can test a guess against them.
 */
@Component
class BlindIndex {

    static final String KEY_PURPOSE = "blind-index";

    private final DeploymentKeys keys;

    BlindIndex(DeploymentKeys keys) {
        this.keys = keys;
    }

    /** The digest of the folded names and the date of birth. */
    byte[] ofNameAndBirth(String familyName, String givenNames, LocalDate dateOfBirth) {
        return hmac("name-birth|" + NameFolding.fold(familyName, givenNames) + "|" + dateOfBirth);
    }

    byte[] ofAzrNumber(String azrNumber) {
        return hmac("azr|" + azrNumber.strip());
    }

    private byte[] hmac(String input) {
        return keys.hmac(KEY_PURPOSE, input.getBytes(StandardCharsets.UTF_8));
    }
}
