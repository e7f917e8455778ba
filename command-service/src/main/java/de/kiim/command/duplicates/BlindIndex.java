package de.kiim.command.duplicates;

import de.kiim.platform.crypto.DeploymentKeys;
import org.springframework.stereotype.Component;

import javax.crypto.Mac;
import javax.crypto.SecretKey;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.LocalDate;

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
        SecretKey key = keys.forPurpose(KEY_PURPOSE);
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(input.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA-256 is unavailable", e);
        }
    }
}
