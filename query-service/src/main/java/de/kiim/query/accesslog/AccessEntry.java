package de.kiim.query.accesslog;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;

/**
 * One read of a person's data, or of an indicator (no person; {@code detail} names the indicator and its parameters,
 * never its figures). Its hash (the chain's link) covers every field and the previous entry's link:
 * changing, removing or inserting an entry anywhere breaks every link after it. Entries written before migration
 * V10 are linked by an unkeyed SHA-256 ({@link #unkeyedLink}); every later one by an HMAC under the deployment key
 * ({@link ChainKey#link}), which nobody who can only write the table can compute.
 */
public record AccessEntry(
        long seq,
        Instant accessedAt,
        String username,
        String agency,
        UUID personId,
        AccessView view,
        AccessPurpose purpose,
        String detail,
        String previousHash,
        String hash) {

    /** The hash of the first entry's predecessor. */
    static final byte[] GENESIS = new byte[32];

    /** The link of an entry written before the chain was keyed: SHA-256 of the previous link and the content. */
    public static byte[] unkeyedLink(
            byte[] previousHash,
            long seq,
            Instant accessedAt,
            String username,
            String agency,
            UUID personId,
            AccessView view,
            AccessPurpose purpose) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(previousHash);
            sha256.update(content(seq, accessedAt, username, agency, personId, view, purpose));
            return sha256.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /**
     * What a link covers besides the previous link, the same for keyed and unkeyed entries; an entry's detail (the
     * indicator read and its parameters) only where it has one, so that every entry before it links as it did.
     */
    static byte[] content(
            long seq,
            Instant accessedAt,
            String username,
            String agency,
            UUID personId,
            AccessView view,
            AccessPurpose purpose,
            String detail) {
        return (new String(content(seq, accessedAt, username, agency, personId, view, purpose), StandardCharsets.UTF_8)
                        + (detail == null ? "" : "|" + detail))
                .getBytes(StandardCharsets.UTF_8);
    }

    static byte[] content(
            long seq,
            Instant accessedAt,
            String username,
            String agency,
            UUID personId,
            AccessView view,
            AccessPurpose purpose) {
        return String.join(
                        "|",
                        Long.toString(seq),
                        accessedAt.toString(),
                        username,
                        agency,
                        personId == null ? "" : personId.toString(),
                        view.name(),
                        purpose == null ? "" : purpose.name())
                .getBytes(StandardCharsets.UTF_8);
    }

    static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
