package de.kiim.query.accesslog;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;

/**
 * One read of a person's data. Its hash covers every field and the previous entry's hash: changing, removing or
 * inserting an entry anywhere breaks every hash after it.
 */
public record AccessEntry(long seq, Instant accessedAt, String username, String agency, UUID personId,
                          AccessView view, AccessPurpose purpose, String previousHash, String hash) {

    /** The hash of the first entry's predecessor. */
    static final byte[] GENESIS = new byte[32];

    static byte[] hash(byte[] previousHash, long seq, Instant accessedAt, String username, String agency,
                       UUID personId, AccessView view, AccessPurpose purpose) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(previousHash);
            sha256.update(String.join("|", Long.toString(seq), accessedAt.toString(), username, agency,
                    personId.toString(), view.name(), purpose == null ? "" : purpose.name())
                    .getBytes(StandardCharsets.UTF_8));
            return sha256.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
