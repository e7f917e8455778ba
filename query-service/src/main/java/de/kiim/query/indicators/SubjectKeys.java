package de.kiim.query.indicators;

import de.kiim.platform.crypto.DeploymentKeys;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The keys of the statistics read model, all derived by HMAC under deployment keys: the same person id always gives
 * the same subject (a rebuild writes the same rows, erasure changes nothing), and nobody without the KEK can tell
 * which subject is which person. The record keys of the cell-key method come from a key of their own, so that
 * knowing how subjects are derived does not tell the noise.
 */
@Component
class SubjectKeys {

    static final String SUBJECT_PURPOSE = "statistics-subject";
    static final String CELL_KEY_PURPOSE = "statistics-cell-key";
    private static final byte[] SUBJECT = "subject|".getBytes(StandardCharsets.UTF_8);
    private static final byte[] EPISODE = "episode|".getBytes(StandardCharsets.UTF_8);
    /** A double has 53 bits of mantissa: the record key is uniform on multiples of 2^-53 in [0, 1). */
    private static final double TWO_TO_THE_53 = 0x1p53;

    private final DeploymentKeys keys;

    SubjectKeys(DeploymentKeys keys) {
        this.keys = keys;
    }

    UUID subject(UUID personId) {
        return uuid(keys.hmac(SUBJECT_PURPOSE, SUBJECT, bytes(personId)));
    }

    /** A course enrolment's or employment's key, for the same reason as the subject's. */
    UUID episode(UUID id) {
        return uuid(keys.hmac(SUBJECT_PURPOSE, EPISODE, bytes(id)));
    }

    double recordKey(UUID subject) {
        long bits = ByteBuffer.wrap(keys.hmac(CELL_KEY_PURPOSE, bytes(subject))).getLong() >>> 11;
        return bits / TWO_TO_THE_53;
    }

    private static UUID uuid(byte[] digest) {
        ByteBuffer buffer = ByteBuffer.wrap(digest);
        return new UUID(buffer.getLong(), buffer.getLong());
    }

    private static byte[] bytes(UUID id) {
        return ByteBuffer.allocate(16)
                .putLong(id.getMostSignificantBits())
                .putLong(id.getLeastSignificantBits())
                .array();
    }
}
