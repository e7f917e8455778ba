package de.kiim.query.accesslog;

import de.kiim.platform.crypto.DeploymentKeys;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The access log's links and anchors are HMAC-SHA-256 under a deployment key of their own. The key is stored only
 * wrapped by the KEK, which lives outside the database: whoever holds the database role's credentials can read and
 * write the log but cannot compute a link or an anchor that verifies.
 */
@Component
public final class ChainKey {

    static final String PURPOSE = "access-log-chain";
    private static final byte[] ENTRY = "access-log-entry|".getBytes(StandardCharsets.UTF_8);
    private static final byte[] ANCHOR = "access-log-anchor|".getBytes(StandardCharsets.UTF_8);

    private final DeploymentKeys keys;

    public ChainKey(DeploymentKeys keys) {
        this.keys = keys;
    }

    /** The link of an entry: its content and its predecessor's link, keyed. */
    public byte[] link(
            byte[] previousLink,
            long seq,
            Instant accessedAt,
            String username,
            String agency,
            UUID personId,
            AccessView view,
            AccessPurpose purpose) {
        return link(previousLink, seq, accessedAt, username, agency, personId, view, purpose, null);
    }

    /** The link of an entry with a detail (an indicator read). */
    public byte[] link(
            byte[] previousLink,
            long seq,
            Instant accessedAt,
            String username,
            String agency,
            UUID personId,
            AccessView view,
            AccessPurpose purpose,
            String detail) {
        return keys.hmac(
                PURPOSE,
                ENTRY,
                previousLink,
                AccessEntry.content(seq, accessedAt, username, agency, personId, view, purpose, detail));
    }

    /** The MAC of an anchor: the head it saw, its kind and when. */
    byte[] anchorMac(long seq, AnchorKind kind, byte[] link, Instant anchoredAt) {
        return keys.hmac(
                PURPOSE,
                ANCHOR,
                (seq + "|" + kind.name() + "|" + anchoredAt + "|").getBytes(StandardCharsets.UTF_8),
                link);
    }
}
