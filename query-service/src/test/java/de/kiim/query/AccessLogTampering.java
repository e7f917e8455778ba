package de.kiim.query;

import de.kiim.platform.crypto.DeploymentKeys;
import de.kiim.query.accesslog.AccessPurpose;
import de.kiim.query.accesslog.AccessView;
import de.kiim.query.accesslog.ChainKey;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What someone who holds the database role's credentials — the table's owner — can do to the access log: switch
 * off its guards, rewrite entries and relink them, delete and re-insert them. Each test puts the log back.
 */
record AccessLogTampering(JdbcTemplate jdbc) {

    /** Computes a link the way the chain does, with whatever the tamperer has. */
    interface Linker {
        byte[] link(
                byte[] previous,
                long seq,
                Instant accessedAt,
                String username,
                String agency,
                UUID personId,
                AccessView view,
                AccessPurpose purpose);
    }

    /** Runs {@code tampering} with the log's triggers switched off, as the table's owner can. */
    void asOwner(Runnable tampering) {
        jdbc.execute("alter table audit.access_log disable trigger user");
        try {
            tampering.run();
        } finally {
            jdbc.execute("alter table audit.access_log enable trigger user");
        }
    }

    /** Tampers as the owner and puts {@code saved} back afterwards, whatever the tampering's assertions said. */
    void tamper(List<Map<String, Object>> saved, Runnable tampering) {
        asOwner(() -> {
            try {
                tampering.run();
            } finally {
                restore(saved);
            }
        });
    }

    /** Also drops the constraint that keeps entries after the upgrade keyed, and adds it back afterwards. */
    void tamperWithoutKeyedConstraint(List<Map<String, Object>> saved, Runnable tampering) {
        String check = jdbc.queryForObject("""
                select pg_get_constraintdef(oid) from pg_constraint
                 where conname = 'access_log_keyed_after_upgrade'""", String.class);
        jdbc.execute("alter table audit.access_log drop constraint access_log_keyed_after_upgrade");
        try {
            tamper(saved, tampering);
        } finally {
            jdbc.execute("alter table audit.access_log add constraint access_log_keyed_after_upgrade " + check);
        }
    }

    /** Deletes an anchor, as the anchors table's owner can. */
    void deleteAnchor(long seq, String kind) {
        jdbc.execute("alter table audit.access_log_anchor disable trigger user");
        try {
            jdbc.update("delete from audit.access_log_anchor where seq = ? and kind = ?", seq, kind);
        } finally {
            jdbc.execute("alter table audit.access_log_anchor enable trigger user");
        }
    }

    long lastSeq() {
        return jdbc.queryForObject("select max(seq) from audit.access_log", Long.class);
    }

    long firstSeq() {
        return jdbc.queryForObject("select min(seq) from audit.access_log", Long.class);
    }

    /** The entries from {@code seq} on, as stored. */
    List<Map<String, Object>> rowsFrom(long seq) {
        return jdbc.queryForList("select * from audit.access_log where seq >= ? order by seq", seq);
    }

    /**
     * Sets entry {@code victim}'s purpose to OTHER and relinks it and every later entry with {@code linker}, marked
     * {@code keyed} or not: a rewrite that leaves a chain which links up.
     */
    void rewrite(long victim, boolean keyed, Linker linker) {
        rewrite(victim, Long.MAX_VALUE, keyed, linker);
    }

    /** The same, relinking up to entry {@code last} only. */
    void rewrite(long victim, long last, boolean keyed, Linker linker) {
        byte[] previous = null;
        for (Map<String, Object> row : jdbc.queryForList(
                "select * from audit.access_log where seq between ? and ? order by seq", victim, last)) {
            long seq = (Long) row.get("seq");
            previous = previous == null ? (byte[]) row.get("previous_hash") : previous;
            String purpose = seq == victim ? AccessPurpose.OTHER.name() : (String) row.get("purpose");
            byte[] link = linker.link(
                    previous,
                    seq,
                    ((Timestamp) row.get("accessed_at")).toInstant(),
                    (String) row.get("username"),
                    (String) row.get("agency_id"),
                    (UUID) row.get("person_id"),
                    AccessView.valueOf((String) row.get("view")),
                    purpose == null ? null : AccessPurpose.valueOf(purpose));
            jdbc.update(
                    "update audit.access_log set purpose = ?, previous_hash = ?, hash = ?, keyed = ? where seq = ?",
                    purpose,
                    previous,
                    link,
                    keyed,
                    seq);
            previous = link;
        }
    }

    void deleteFrom(long seq) {
        jdbc.update("delete from audit.access_log where seq >= ?", seq);
    }

    /** Puts the saved entries back as they were. */
    void restore(List<Map<String, Object>> saved) {
        deleteFrom((Long) saved.get(0).get("seq"));
        for (Map<String, Object> row : saved) {
            jdbc.update(
                    """
                            insert into audit.access_log (seq, accessed_at, username, agency_id, person_id, view,
                                                          purpose, previous_hash, hash, keyed)
                            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                    row.get("seq"),
                    row.get("accessed_at"),
                    row.get("username"),
                    row.get("agency_id"),
                    row.get("person_id"),
                    row.get("view"),
                    row.get("purpose"),
                    row.get("previous_hash"),
                    row.get("hash"),
                    row.get("keyed"));
        }
    }

    /** The chain's key as another deployment (or a guess) has it: random, as every deployment's is. */
    static ChainKey anotherKey() {
        try {
            KeyGenerator generator = KeyGenerator.getInstance("AES");
            generator.init(256);
            SecretKey other = generator.generateKey();
            return new ChainKey(new DeploymentKeys(null, null) {
                @Override
                public SecretKey forPurpose(String purpose) {
                    return other;
                }
            });
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
