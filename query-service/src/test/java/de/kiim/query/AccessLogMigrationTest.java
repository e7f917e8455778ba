package de.kiim.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.kiim.events.vocabulary.AgencyKind;
import de.kiim.platform.security.KiimUser;
import de.kiim.platform.security.Role;
import de.kiim.query.accesslog.AccessEntry;
import de.kiim.query.accesslog.AccessLog;
import de.kiim.query.accesslog.AccessLogAnchors;
import de.kiim.query.accesslog.AccessPurpose;
import de.kiim.query.accesslog.AccessView;
import de.kiim.query.accesslog.ChainKey;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * A log written before the chain was keyed (V10) stays verifiable as it is, the service continues it keyed, and
 * the old entries are no way around the key: no unkeyed entry may follow, and rewriting the old ones is caught by
 * the anchor the service writes when it starts.
 */
class AccessLogMigrationTest {

    @Test
    void an_unkeyed_chain_from_before_the_upgrade_stays_verifiable_and_is_continued_keyed() {
        var dataSource = QueryMigrations.freshDatabase();
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        QueryMigrations.migrate(dataSource, "9");
        byte[] previous = new byte[32];
        Instant at = Instant.parse("2025-03-01T08:00:00.123456Z");
        for (long seq = 1; seq <= 3; seq++) {
            UUID person = UUID.randomUUID();
            byte[] hash = AccessEntry.unkeyedLink(
                    previous, seq, at, "kim", "kim-harz", person, AccessView.CARD, AccessPurpose.CASE_WORK);
            jdbc.update("""
                            insert into audit.access_log (seq, accessed_at, username, agency_id, person_id, view,
                                                          purpose, previous_hash, hash)
                            values (?, ?, 'kim', 'kim-harz', ?, 'CARD', 'CASE_WORK', ?, ?)""", seq, Timestamp.from(at), person, previous, hash);
            previous = hash;
        }

        QueryMigrations.migrate(dataSource, "latest");
        // The service as it starts: a deployment key of its own, the start anchored.
        ChainKey key = AccessLogTampering.anotherKey();
        var transactions = new DataSourceTransactionManager(dataSource);
        var accessLog = new AccessLog(jdbc, Clock.systemUTC(), key, transactions);
        var anchors = new AccessLogAnchors(jdbc, accessLog, key, transactions, Clock.systemUTC());
        anchors.start();

        assertThat(accessLog.verify())
                .extracting(
                        AccessLog.Verification::intact,
                        AccessLog.Verification::entries,
                        AccessLog.Verification::anchoredSeq)
                .containsExactly(true, 3L, 3L);
        var reader =
                new KiimUser("kim", "", "kim-harz", AgencyKind.INTEGRATIONSMANAGEMENT, Set.of(Role.CASEWORKER), true);
        accessLog.recordAll(reader, java.util.List.of(UUID.randomUUID(), UUID.randomUUID()), AccessView.SEARCH, null);
        assertThat(accessLog.verify())
                .extracting(AccessLog.Verification::intact, AccessLog.Verification::entries)
                .containsExactly(true, 5L);
        assertThat(jdbc.queryForList("select keyed from audit.access_log order by seq", Boolean.class))
                .containsExactly(false, false, false, true, true);

        var tampering = new AccessLogTampering(jdbc);
        // No unkeyed entry after the upgrade's boundary, from an old instance still running or from anyone.
        assertThatThrownBy(() -> jdbc.update("""
                insert into audit.access_log (seq, accessed_at, username, agency_id, person_id, view, previous_hash,
                                              hash, keyed)
                values (6, now(), 'kim', 'kim-harz', gen_random_uuid(), 'CARD', ?, ?, false)""", new byte[32], new byte[32])).isInstanceOf(DataAccessException.class);
        // An old entry rewritten and its unkeyed chain recomputed up to the boundary: the start anchor saw it.
        var saved = tampering.rowsFrom(2);
        tampering.tamper(saved, () -> {
            tampering.rewrite(2, 3, false, AccessEntry::unkeyedLink);
            assertThat(accessLog.verify())
                    .extracting(AccessLog.Verification::firstBrokenSeq, AccessLog.Verification::problem)
                    .containsExactly(3L, "does not match its anchor");
        });
        assertThat(accessLog.verify().intact()).isTrue();
        // Stopping anchors the head too.
        anchors.stop();
        assertThat(jdbc.queryForObject(
                        "select max(seq) from audit.access_log_anchor where kind = 'SHUTDOWN'", Long.class))
                .isEqualTo(5);
    }
}
