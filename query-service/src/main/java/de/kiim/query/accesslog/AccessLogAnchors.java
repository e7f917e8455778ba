package de.kiim.query.accesslog;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Anchors the access log's chain outside its own rows: the head (seq and link) with an HMAC under the chain's key,
 * in {@code audit.access_log_anchor} and as a structured log line for the operator's log system — when the service
 * starts (before it serves requests), every {@code kiim.access-log.anchor-interval}, when it stops (after it served
 * its last request), and at the new first entry before retention deletes older ones.
 */
@Component
public class AccessLogAnchors implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(AccessLogAnchors.class);

    private final JdbcTemplate jdbc;
    private final AccessLog accessLog;
    private final ChainKey key;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private volatile boolean running;

    public AccessLogAnchors(
            JdbcTemplate jdbc,
            AccessLog accessLog,
            ChainKey key,
            PlatformTransactionManager transactions,
            Clock clock) {
        this.jdbc = jdbc;
        this.accessLog = accessLog;
        this.key = key;
        this.transactions = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /** Anchors the current head (seq 0 for an empty log). */
    public void anchor(AnchorKind kind) {
        AccessLog.Head head = accessLog.head();
        write(head.seq(), kind, head.link());
    }

    @Scheduled(
            fixedDelayString = "${kiim.access-log.anchor-interval:PT10M}",
            initialDelayString = "${kiim.access-log.anchor-interval:PT10M}")
    void anchorPeriodically() {
        anchor(AnchorKind.PERIODIC);
    }

    /**
     * Deletes the entries older than {@code cutoff}, the head excepted, after anchoring the new first entry, in one
     * transaction; the database lets an entry go only once such an anchor follows it. Nothing is deleted from a
     * chain that does not verify: the entries are the evidence. Returns how many entries went.
     */
    public int deleteBefore(Instant cutoff) {
        AccessLog.Verification verification = accessLog.verify();
        if (!verification.intact()) {
            log.atError()
                    .setMessage("access log retention skipped: the chain is broken at seq {} ({})")
                    .addArgument(verification.firstBrokenSeq())
                    .addArgument(verification.problem())
                    .log();
            return 0;
        }
        Integer deleted = transactions.execute(status -> {
            var keepFrom = jdbc.query(
                    """
                            select seq, hash, seq > (select min(seq) from audit.access_log) as later
                              from audit.access_log
                             where seq = coalesce((select min(seq) from audit.access_log where accessed_at >= ?),
                                                  (select max(seq) from audit.access_log))""",
                    (rs, row) ->
                            rs.getBoolean("later") ? new AccessLog.Head(rs.getLong("seq"), rs.getBytes("hash")) : null,
                    Timestamp.from(cutoff));
            if (keepFrom.isEmpty() || keepFrom.get(0) == null) {
                return 0;
            }
            write(keepFrom.get(0).seq(), AnchorKind.RETENTION, keepFrom.get(0).link());
            return jdbc.update(
                    "delete from audit.access_log where seq < ?",
                    keepFrom.get(0).seq());
        });
        return deleted == null ? 0 : deleted;
    }

    private void write(long seq, AnchorKind kind, byte[] link) {
        // Microseconds: what PostgreSQL keeps, so the MAC can be recomputed from the stored row.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        int written =
                jdbc.update("""
                        insert into audit.access_log_anchor (seq, kind, link, anchored_at, mac) values (?, ?, ?, ?, ?)
                        on conflict (seq, kind) do nothing""", seq, kind.name(), link, Timestamp.from(now), key.anchorMac(seq, kind, link, now));
        accessLog.reached(seq);
        if (written == 1) {
            // No personal data: seq, link, kind, time.
            log.atInfo()
                    .setMessage("access log anchored: seq {} link {} ({})")
                    .addArgument(seq)
                    .addArgument(() -> AccessEntry.hex(link))
                    .addArgument(kind)
                    .addKeyValue("accessLogSeq", seq)
                    .addKeyValue("accessLogLink", () -> AccessEntry.hex(link))
                    .addKeyValue("accessLogAnchor", kind)
                    .addKeyValue("anchoredAt", now)
                    .log();
        }
    }

    /** Before the web server: the first request is served after the start anchor. */
    @Override
    public int getPhase() {
        return 0;
    }

    @Override
    public void start() {
        anchor(AnchorKind.START);
        running = true;
    }

    /** After the web server stopped: the last request is covered by the shutdown anchor. */
    @Override
    public void stop() {
        running = false;
        try {
            anchor(AnchorKind.SHUTDOWN);
        } catch (RuntimeException e) {
            log.warn(
                    "access log not anchored at shutdown ({}): the next start anchors the head",
                    e.getClass().getSimpleName());
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
