package de.kiim.query.accesslog;

import de.kiim.platform.security.KiimUser;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The hash-chained, append-only log of reads ({@code audit.access_log}). Each entry's link is an HMAC under the
 * deployment key {@link ChainKey} (entries from before V10: unkeyed SHA-256); {@link AccessLogAnchors} anchor the
 * chain outside its rows.
 */
@Repository
public class AccessLog {

    /**
     * How often a read may lose the race for the next sequence number before it gives up. Each loss means another
     * read was logged in the meantime, so only as many concurrent readers as this can starve one; it is far above
     * what a query-service instance serves at once.
     */
    private static final int MAX_ATTEMPTS = 100;
    /** The columns of one entry as inserted. */
    private static final int COLUMNS = 11;
    /**
     * The most entries one read appends: far above a search page (200), far below PostgreSQL's 32,767 bind
     * variables per statement.
     */
    static final int MAX_ENTRIES_PER_READ = 1000;

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final ChainKey key;
    private final TransactionTemplate snapshot;
    /** The highest seq this instance appended or anchored: the log must still reach it. */
    private final AtomicLong knownHead = new AtomicLong();

    public AccessLog(JdbcTemplate jdbc, Clock clock, ChainKey key, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.key = key;
        this.snapshot = new TransactionTemplate(transactions);
        snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        snapshot.setReadOnly(true);
    }

    /** The last entry's seq and link; seq 0 and the genesis link for an empty log. */
    record Head(long seq, byte[] link) {}

    Head head() {
        List<Head> last = jdbc.query(
                "select seq, hash from audit.access_log order by seq desc limit 1",
                (rs, row) -> new Head(rs.getLong("seq"), rs.getBytes("hash")));
        return last.isEmpty() ? new Head(0, AccessEntry.GENESIS) : last.get(0);
    }

    /** This instance appended or anchored up to {@code seq}: the log must keep reaching it. */
    void reached(long seq) {
        knownHead.accumulateAndGet(seq, Math::max);
    }

    /**
     * Records that {@code reader} read {@code view} of the person; fails the read if it cannot be recorded.
     *
     * @see #recordAll
     */
    public void record(KiimUser reader, UUID personId, AccessView view, AccessPurpose purpose) {
        recordAll(reader, List.of(personId), view, purpose);
    }

    /**
     * Records that {@code reader} read an indicator: aggregates of many persons, so the entry names none, and it
     * holds nothing of the figures read.
     */
    public void recordAggregate(KiimUser reader, String detail) {
        recordAll(reader, Collections.singletonList(null), AccessView.INDICATOR, AccessPurpose.STATISTICS, detail);
    }

    /**
     * Records that {@code reader} read {@code view} of each of the persons, one entry each, in one statement; fails
     * the read if they cannot be recorded. Nothing for no persons.
     *
     * <p>Optimistic, in two statements and no transaction: read the last entry, insert its successors, chained one
     * after the other. The primary key on {@code seq} lets only one read's successors in — a single statement is all
     * or nothing, and any other read appending meanwhile took at least the first of the sequence numbers — so a read
     * that lost the race reads the new last entry and tries again. No lock is held between round trips, which a
     * counselor's read would otherwise wait for behind every other read of the deployment.
     */
    public void recordAll(KiimUser reader, List<UUID> personIds, AccessView view, AccessPurpose purpose) {
        recordAll(reader, personIds, view, purpose, null);
    }

    private void recordAll(
            KiimUser reader, List<UUID> personIds, AccessView view, AccessPurpose purpose, String detail) {
        if (personIds.isEmpty()) {
            return;
        }
        if (personIds.size() > MAX_ENTRIES_PER_READ) {
            throw new IllegalArgumentException("one read may log at most " + MAX_ENTRIES_PER_READ + " persons");
        }
        // Microseconds: what PostgreSQL keeps, so the hash can be recomputed from the stored row.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        for (int attempt = 1; ; attempt++) {
            try {
                appendAfterLast(reader, personIds, view, purpose, detail, now);
                return;
            } catch (DuplicateKeyException lostRace) {
                if (attempt == MAX_ATTEMPTS) {
                    throw new IllegalStateException("the access log is too busy to record a read", lostRace);
                }
            }
        }
    }

    private void appendAfterLast(
            KiimUser reader, List<UUID> personIds, AccessView view, AccessPurpose purpose, String detail, Instant now) {
        Head last = head();
        long seq = last.seq();
        byte[] previous = last.link();
        List<Object> values = new ArrayList<>(personIds.size() * COLUMNS);
        for (UUID personId : personIds) {
            seq++;
            byte[] link = key.link(
                    previous, seq, now, reader.getUsername(), reader.agencyId(), personId, view, purpose, detail);
            values.addAll(Arrays.asList(
                    seq,
                    Timestamp.from(now),
                    reader.getUsername(),
                    reader.agencyId(),
                    personId,
                    view.name(),
                    purpose == null ? null : purpose.name(),
                    detail,
                    previous,
                    link,
                    true));
            previous = link;
        }
        jdbc.update(
                """
                        insert into audit.access_log (seq, accessed_at, username, agency_id, person_id, view,
                                                      purpose, detail, previous_hash, hash, keyed)
                        values\s"""
                        + String.join(
                                ", ",
                                Collections.nCopies(
                                        personIds.size(),
                                        "(" + String.join(", ", Collections.nCopies(COLUMNS, "?")) + ")")),
                values.toArray());
        reached(seq);
    }

    /** Entries matching the filters (each may be null), in order, after {@code afterSeq}. */
    public List<AccessEntry> find(
            UUID personId, String username, String agency, Instant from, Instant to, long afterSeq, int limit) {
        return jdbc.query(
                """
                        select * from audit.access_log
                         where seq > ? and (?::uuid is null or person_id = ?::uuid)
                           and (?::varchar is null or username = ?) and (?::varchar is null or agency_id = ?)
                           and (?::timestamptz is null or accessed_at >= ?) and (?::timestamptz is null or accessed_at < ?)
                         order by seq limit ?""",
                AccessLog::entry,
                afterSeq,
                personId,
                personId,
                username,
                username,
                agency,
                agency,
                timestamp(from),
                timestamp(from),
                timestamp(to),
                timestamp(to),
                limit);
    }

    /**
     * The result of walking the whole chain: how many entries, whether it is intact or where and why it first
     * breaks; the first entry (1, or where retention left it), the highest anchored seq and when the last anchor
     * was written (an auditor compares them with the anchors in the operator's log).
     */
    public record Verification(
            long entries,
            boolean intact,
            Long firstBrokenSeq,
            String problem,
            Long firstSeq,
            Long anchoredSeq,
            Instant anchoredAt) {}

    /**
     * Recomputes every link in order and checks the chain against its anchors; reports the first place where it
     * breaks (see {@link ChainWalk} for every check).
     */
    public Verification verify() {
        // Read before the snapshot is taken, so every entry and anchor it counts is in the snapshot.
        long mustReach = knownHead.get();
        // Anchors and entries from one snapshot: retention anchoring and deleting meanwhile is seen whole or not.
        return snapshot.execute(status -> {
            ChainWalk walk = new ChainWalk(key, Anchor.all(jdbc), mustReach);
            jdbc.query(
                    connection -> {
                        var statement = connection.prepareStatement("select * from audit.access_log order by seq");
                        statement.setFetchSize(1000);
                        return statement;
                    },
                    walk);
            return walk.result();
        });
    }

    private static AccessEntry entry(ResultSet rs, int row) throws SQLException {
        return new AccessEntry(
                rs.getLong("seq"),
                rs.getTimestamp("accessed_at").toInstant(),
                rs.getString("username"),
                rs.getString("agency_id"),
                rs.getObject("person_id", UUID.class),
                AccessView.valueOf(rs.getString("view")),
                rs.getString("purpose") == null ? null : AccessPurpose.valueOf(rs.getString("purpose")),
                rs.getString("detail"),
                AccessEntry.hex(rs.getBytes("previous_hash")),
                AccessEntry.hex(rs.getBytes("hash")));
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
