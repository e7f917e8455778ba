package de.kiim.query.accesslog;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.RowCallbackHandler;

/**
 * Walks the access log in seq order against its anchors and stops at the first break. The checks, in order:
 * <ul>
 *     <li>every anchor's MAC verifies (else "anchor forged"), and there is at least one ("not anchored": the
 *     service anchors the head at every start, so a log without anchors lost them);</li>
 *     <li>the first entry is seq 1 and follows the genesis link, or retention anchored it ("start not anchored");
 *     </li>
 *     <li>every later entry has the next seq ("entry missing") and names its predecessor's link ("does not follow its
 *     predecessor");</li>
 *     <li>no unkeyed entry follows a keyed one or the first anchor — the first anchor was written by a keyed
 *     service, so an entry after it can only be unkeyed if someone rewrote it without the key ("unkeyed after the
 *     chain was keyed");</li>
 *     <li>each link recomputes, an HMAC under the chain's key for a keyed entry, SHA-256 for an older one
 *     ("content altered");</li>
 *     <li>an entry with an anchor has the anchored link ("does not match its anchor": it or an entry before it was
 *     rewritten);</li>
 *     <li>the log reaches its last anchor and the highest seq this instance wrote ("tail truncated").</li>
 * </ul>
 */
final class ChainWalk implements RowCallbackHandler {

    private final ChainKey key;
    private final List<Anchor> anchors;
    private final long mustReach;
    private final long firstAnchored;
    private int nextAnchor;
    private long count;
    private Long firstSeq;
    private long lastSeq;
    private byte[] previous;
    private boolean keyedSeen;
    private AccessLog.Verification broken;

    ChainWalk(ChainKey key, List<Anchor> anchors, long mustReach) {
        this.key = key;
        this.anchors = anchors;
        this.mustReach = mustReach;
        this.firstAnchored = anchors.isEmpty() ? Long.MAX_VALUE : anchors.get(0).seq();
        for (Anchor anchor : anchors) {
            if (!Arrays.equals(
                    anchor.mac(), key.anchorMac(anchor.seq(), anchor.kind(), anchor.link(), anchor.anchoredAt()))) {
                broken = verdict(anchor.seq(), "anchor forged");
                return;
            }
        }
        if (anchors.isEmpty()) {
            broken = verdict(null, "not anchored");
        }
    }

    @Override
    public void processRow(ResultSet rs) throws SQLException {
        if (broken != null) {
            return;
        }
        count++;
        long seq = rs.getLong("seq");
        byte[] previousLink = rs.getBytes("previous_hash");
        byte[] stored = rs.getBytes("hash");
        boolean keyed = rs.getBoolean("keyed");
        if (firstSeq == null) {
            firstSeq = seq;
            if (seq != 1 && !anchored(seq, AnchorKind.RETENTION)) {
                broken = verdict(lastRetentionBefore(seq), "start not anchored");
                return;
            }
            // Retention deleted the predecessor; its anchor vouches for this entry's link instead.
            previous = seq == 1 ? AccessEntry.GENESIS : previousLink;
        } else if (seq != lastSeq + 1) {
            broken = verdict(lastSeq + 1, "entry missing");
            return;
        }
        if (!Arrays.equals(previousLink, previous)) {
            broken = verdict(seq, "does not follow its predecessor");
            return;
        }
        if (!keyed && (keyedSeen || seq > firstAnchored)) {
            broken = verdict(seq, "unkeyed after the chain was keyed");
            return;
        }
        if (!Arrays.equals(stored, link(rs, keyed, seq, previousLink))) {
            broken = verdict(seq, "content altered");
            return;
        }
        for (; nextAnchor < anchors.size() && anchors.get(nextAnchor).seq() <= seq; nextAnchor++) {
            Anchor anchor = anchors.get(nextAnchor);
            if (anchor.seq() == seq && !Arrays.equals(anchor.link(), stored)) {
                broken = verdict(seq, "does not match its anchor");
                return;
            }
        }
        keyedSeen |= keyed;
        lastSeq = seq;
        previous = stored;
    }

    AccessLog.Verification result() {
        if (broken == null) {
            long reached = Math.max(
                    mustReach,
                    anchors.isEmpty() ? 0 : anchors.get(anchors.size() - 1).seq());
            if (lastSeq < reached) {
                broken = verdict(lastSeq + 1, "tail truncated");
            }
        }
        return broken != null ? broken : verdict(null, null);
    }

    private byte[] link(ResultSet rs, boolean keyed, long seq, byte[] previousLink) throws SQLException {
        var accessedAt = rs.getTimestamp("accessed_at").toInstant();
        var username = rs.getString("username");
        var agency = rs.getString("agency_id");
        var personId = rs.getObject("person_id", UUID.class);
        var view = AccessView.valueOf(rs.getString("view"));
        var purpose = rs.getString("purpose") == null ? null : AccessPurpose.valueOf(rs.getString("purpose"));
        var detail = rs.getString("detail");
        return keyed
                ? key.link(previousLink, seq, accessedAt, username, agency, personId, view, purpose, detail)
                : AccessEntry.unkeyedLink(previousLink, seq, accessedAt, username, agency, personId, view, purpose);
    }

    private boolean anchored(long seq, AnchorKind kind) {
        return anchors.stream().anyMatch(anchor -> anchor.seq() == seq && anchor.kind() == kind);
    }

    /** Where the missing entries before {@code seq} begin: after the last retention, else at 1. */
    private long lastRetentionBefore(long seq) {
        return anchors.stream()
                .filter(anchor -> anchor.kind() == AnchorKind.RETENTION && anchor.seq() < seq)
                .mapToLong(Anchor::seq)
                .max()
                .orElse(1);
    }

    private AccessLog.Verification verdict(Long brokenAt, String problem) {
        return new AccessLog.Verification(
                count,
                problem == null,
                brokenAt,
                problem,
                firstSeq,
                anchors.isEmpty() ? null : anchors.get(anchors.size() - 1).seq(),
                anchors.stream()
                        .map(Anchor::anchoredAt)
                        .max(Comparator.naturalOrder())
                        .orElse(null));
    }
}
