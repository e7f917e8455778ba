package de.kiim.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import de.kiim.events.PersonId;
import de.kiim.events.consent.ConsentGiven;
import de.kiim.events.person.PersonRegistered;
import de.kiim.events.vocabulary.AgeBand;
import de.kiim.events.vocabulary.AgencyKind;
import de.kiim.events.vocabulary.ConsentPurpose;
import de.kiim.events.vocabulary.CountryCode;
import de.kiim.events.vocabulary.LegalBasis;
import de.kiim.events.vocabulary.MunicipalityCode;
import de.kiim.events.vocabulary.Sex;
import de.kiim.platform.security.KiimUser;
import de.kiim.platform.security.Role;
import de.kiim.query.accesslog.AccessEntry;
import de.kiim.query.accesslog.AccessLog;
import de.kiim.query.accesslog.AccessLogAnchors;
import de.kiim.query.accesslog.AccessPurpose;
import de.kiim.query.accesslog.AccessView;
import de.kiim.query.accesslog.AnchorKind;
import de.kiim.query.accesslog.ChainKey;
import de.kiim.testsupport.ApiClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Every read of a person's data is in the access log; the log is append-only and shows tampering, even by whoever
 * can write its table: its links are keyed, its head anchored, and retention leaves a chain that still verifies.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=query-service,test")
@ActiveProfiles("local")
class AccessLogTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    AccessLog accessLog;

    @Autowired
    AccessLogAnchors anchors;

    @Autowired
    ChainKey chainKey;

    @Autowired
    PlatformTransactionManager transactions;

    @LocalServerPort
    int port;

    ApiClient api;
    final PersonId personId = PersonId.random();

    @BeforeEach
    void registerSomeone() {
        api = ApiClient.onPort(port);
        new PersonStreams(context)
                .append(
                        personId,
                        0,
                        "abh-harz",
                        List.of(new PersonRegistered(
                                personId,
                                LocalDate.of(2024, 1, 2),
                                "Protokoll",
                                "Testa",
                                LocalDate.of(1980, 8, 8),
                                Sex.MALE,
                                CountryCode.of("AF"),
                                LocalDate.of(2021, 1, 1),
                                null,
                                MunicipalityCode.of("15085135"),
                                AgeBand.on(LocalDate.of(2021, 1, 1), LocalDate.of(1980, 8, 8)))));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> api.get("/api/v1/persons/" + personId + "/timeline", "kim")
                                .status()
                        == 200);
    }

    private long logged(String view) {
        return jdbc.queryForObject(
                "select count(*) from audit.access_log where person_id = ? and view = ?",
                Long.class,
                personId.value(),
                view);
    }

    @Test
    void reads_are_logged_with_reader_agency_view_and_purpose_and_the_auditor_lists_them() {
        long timelines = logged("TIMELINE");
        assertThat(api.get("/api/v1/persons/" + personId + "?purpose=CASE_WORK", "abh")
                        .status())
                .isEqualTo(200);
        assertThat(api.get("/api/v1/persons/" + personId + "/timeline", "abh").status())
                .isEqualTo(200);
        // A person the agency does not see: nothing read, nothing logged.
        assertThat(api.get("/api/v1/persons/" + personId, "sprachkurs").status())
                .isEqualTo(404);

        assertThat(logged("TIMELINE")).isEqualTo(timelines + 1);
        var entries = api.get("/api/v1/audit/access?person=" + personId + "&user=abh", "auditor")
                .json();
        assertThat(entries.findValuesAsText("view")).containsExactly("CARD", "TIMELINE");
        assertThat(entries.get(0).path("purpose").asText()).isEqualTo("CASE_WORK");
        assertThat(entries.get(0).path("agency").asText()).isEqualTo("abh-harz");
        assertThat(entries.toString()).doesNotContain("Protokoll");

        var csv = api.get("/api/v1/audit/access?format=csv&person=" + personId, "auditor");
        assertThat(csv.header("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/csv"));
        assertThat(csv.body()).startsWith("seq;accessedAt;user;agency;personId;view;purpose;detail;hash");
        assertThat(api.get("/api/v1/audit/access", "abh").status()).isEqualTo(403);
        assertThat(api.get("/api/v1/persons/" + personId + "?purpose=GOSSIP", "abh")
                        .status())
                .isEqualTo(400);
    }

    @Test
    void a_data_steward_exports_everything_held_about_the_person_and_the_export_is_logged() {
        new PersonStreams(context)
                .append(
                        personId,
                        1,
                        "mbe-harz",
                        List.of(new ConsentGiven(
                                personId,
                                LocalDate.of(2024, 2, 2),
                                ConsentPurpose.COUNSELLING,
                                "mbe-harz",
                                LegalBasis.GDPR_6_1_A,
                                "MBE-42")));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> api.get("/api/v1/persons/" + personId, "beratung").status() == 200);
        assertThat(api.get("/api/v1/persons/" + personId + "/export", "abh").status())
                .isEqualTo(403);

        var export =
                api.get("/api/v1/persons/" + personId + "/export", "steward").json();

        assertThat(export.path("history").findValuesAsText("type")).containsExactly("PersonRegistered", "ConsentGiven");
        assertThat(export.path("history").get(0).path("data").path("familyName").asText())
                .isEqualTo("Protokoll");
        assertThat(export.path("history")
                        .get(1)
                        .path("data")
                        .path("evidenceReference")
                        .asText())
                .isEqualTo("MBE-42");
        assertThat(export.path("visibleTo").findValuesAsText("agency"))
                .containsExactly("abh-harz", "kim-harz", "mbe-harz");
        assertThat(export.path("visibleTo").get(2).path("reasons").get(0).asText())
                .isEqualTo("CONSENT:COUNSELLING since 2024-02-02");
        assertThat(export.path("visibleTo").get(2).path("ownRecordsOnly").get(0).asText())
                .isEqualTo("COUNSELLING");
        assertThat(export.path("consents").get(0).path("recipientAgency").asText())
                .isEqualTo("mbe-harz");
        assertThat(export.path("reads").findValuesAsText("username")).contains("beratung", "steward");
        assertThat(export.path("reads").findValuesAsText("view")).endsWith("EXPORT");
        assertThat(api.get("/api/v1/persons/" + UUID.randomUUID() + "/export", "steward")
                        .status())
                .isEqualTo(404);
    }

    @Test
    void the_change_trail_lists_authors_and_times_but_no_payload() {
        var changes =
                api.get("/api/v1/audit/changes?person=" + personId, "auditor").json();
        assertThat(changes).hasSize(1);
        assertThat(changes.get(0).path("type").asText()).isEqualTo("PersonRegistered");
        assertThat(changes.get(0).path("author").asText()).isEqualTo("test");
        assertThat(changes.get(0).path("agency").asText()).isEqualTo("abh-harz");
        assertThat(changes.get(0).path("occurredAt").asText()).isEqualTo("2024-01-02");
        assertThat(changes.toString()).doesNotContain("Protokoll", "1980-08-08");
        assertThat(api.get("/api/v1/audit/changes?type=PersonRegistered&agency=abh-harz&format=csv", "auditor")
                        .body())
                .contains(personId.toString());
        assertThat(api.get("/api/v1/audit/changes", "steward").status()).isEqualTo(403);
    }

    @Test
    void the_log_refuses_changes_and_its_chain_shows_a_deleted_or_altered_entry() {
        api.get("/api/v1/persons/" + personId, "abh");
        api.get("/api/v1/persons/" + personId, "kim");
        api.get("/api/v1/persons/" + personId + "/timeline", "abh");
        assertThat(api.get("/api/v1/audit/access/verification", "auditor")
                        .json()
                        .path("intact")
                        .asBoolean())
                .isTrue();
        assertThatThrownBy(() -> jdbc.update("delete from audit.access_log")).isInstanceOf(DataAccessException.class);
        assertThatThrownBy(() -> jdbc.update("update audit.access_log set username = 'x'"))
                .isInstanceOf(DataAccessException.class);

        var tampering = new AccessLogTampering(jdbc);
        long victim = tampering.lastSeq() - 1;
        var saved = tampering.rowsFrom(victim);
        // Whoever tampers must be the table's owner and switch off its guards first.
        tampering.tamper(saved, () -> {
            jdbc.update("delete from audit.access_log where seq = ?", victim);
            var afterDelete = verification();
            assertThat(afterDelete.path("intact").asBoolean()).isFalse();
            assertThat(afterDelete.path("firstBrokenSeq").asLong()).isEqualTo(victim);
            assertThat(afterDelete.path("problem").asText()).isEqualTo("entry missing");

            tampering.restore(saved);
            jdbc.update("update audit.access_log set purpose = 'OTHER' where seq = ?", victim);
            var afterAlteration = verification();
            assertThat(afterAlteration.path("firstBrokenSeq").asLong()).isEqualTo(victim);
            assertThat(afterAlteration.path("problem").asText()).isEqualTo("content altered");
        });
        assertThat(verification().path("intact").asBoolean()).isTrue();
    }

    private com.fasterxml.jackson.databind.JsonNode verification() {
        return api.get("/api/v1/audit/access/verification", "auditor").json();
    }

    private void readSomeTimes() {
        api.get("/api/v1/persons/" + personId, "abh");
        api.get("/api/v1/persons/" + personId, "kim");
        api.get("/api/v1/persons/" + personId + "/timeline", "abh");
    }

    /** Reads, anchors, reads again; returns the anchored seq. */
    private long anchoredBetweenReads(AccessLogTampering tampering) {
        readSomeTimes();
        anchors.anchor(AnchorKind.PERIODIC);
        long anchored = tampering.lastSeq();
        readSomeTimes();
        return anchored;
    }

    private void assertBrokenAt(long seq, String problem) {
        var verification = verification();
        assertThat(verification.path("intact").asBoolean())
                .as(verification.toString())
                .isFalse();
        assertThat(verification.path("problem").asText()).isEqualTo(problem);
        assertThat(verification.path("firstBrokenSeq").asLong()).isEqualTo(seq);
    }

    @Test
    void rewriting_an_entry_and_recomputing_unkeyed_hashes_is_detected() {
        readSomeTimes();
        var tampering = new AccessLogTampering(jdbc);
        long victim = tampering.lastSeq() - 1;
        var saved = tampering.rowsFrom(victim);

        // Relinked with SHA-256 as before the upgrade, still claiming to be keyed: the HMAC does not recompute.
        tampering.tamper(saved, () -> {
            tampering.rewrite(victim, true, AccessEntry::unkeyedLink);
            assertBrokenAt(victim, "content altered");
        });
        // Marked as an unkeyed entry from before the upgrade: the database refuses it after the upgrade's boundary,
        // and an owner who drops that constraint is still caught by the verification.
        tampering.asOwner(() -> assertThatThrownBy(() -> tampering.rewrite(victim, false, AccessEntry::unkeyedLink))
                .isInstanceOf(DataAccessException.class));
        long first = tampering.firstSeq();
        var everything = tampering.rowsFrom(first);
        tampering.tamperWithoutKeyedConstraint(everything, () -> {
            tampering.rewrite(victim, false, AccessEntry::unkeyedLink);
            assertBrokenAt(victim, "unkeyed after the chain was keyed");
            tampering.restore(everything);
            // The whole log rewritten as if it were all from before the upgrade: the service anchored its start,
            // so every entry after that anchor must be keyed.
            tampering.rewrite(first, false, AccessEntry::unkeyedLink);
            assertBrokenAt(first, "unkeyed after the chain was keyed");
        });
        assertThat(verification().path("intact").asBoolean()).isTrue();
    }

    @Test
    void a_rewrite_that_verifies_needs_the_deployment_key_and_even_then_breaks_an_anchor() {
        var tampering = new AccessLogTampering(jdbc);
        long anchored = anchoredBetweenReads(tampering);
        long victim = anchored - 1;
        var saved = tampering.rowsFrom(victim);

        tampering.tamper(saved, () -> {
            // A correct-looking HMAC chain under any key but the deployment's (which only the KEK unwraps).
            tampering.rewrite(victim, true, AccessLogTampering.anotherKey()::link);
            assertBrokenAt(victim, "content altered");
            tampering.restore(saved);
            // Even with the deployment's key the rewrite no longer matches the anchor after it.
            tampering.rewrite(victim, true, chainKey::link);
            assertBrokenAt(anchored, "does not match its anchor");
        });
        assertThat(verification().path("intact").asBoolean()).isTrue();
        assertThat(verification().path("anchoredSeq").asLong()).isGreaterThanOrEqualTo(anchored);

        // Nor can an anchor be made without the key: one for a rewritten head is reported as forged.
        readSomeTimes();
        long head = tampering.lastSeq();
        new AccessLogAnchors(jdbc, accessLog, AccessLogTampering.anotherKey(), transactions, Clock.systemUTC())
                .anchor(AnchorKind.PERIODIC);
        try {
            assertBrokenAt(head, "anchor forged");
        } finally {
            tampering.deleteAnchor(head, AnchorKind.PERIODIC.name());
        }
        assertThat(verification().path("intact").asBoolean()).isTrue();
    }

    @Test
    void cutting_the_tail_below_an_anchor_is_detected() {
        var tampering = new AccessLogTampering(jdbc);
        long anchored = anchoredBetweenReads(tampering);
        var saved = tampering.rowsFrom(anchored - 1);
        // An instance started after the cut knows only what the database says.
        var restarted = new AccessLog(jdbc, Clock.systemUTC(), chainKey, transactions);

        tampering.tamper(saved, () -> {
            // The entries since the last anchor: this instance wrote them and misses them...
            tampering.deleteFrom(anchored + 1);
            assertBrokenAt(anchored + 1, "tail truncated");
            // ... one started afterwards cannot tell (they are the window between two anchors).
            assertThat(restarted.verify().intact()).isTrue();
            // Cut below the anchor: every instance sees it.
            tampering.deleteFrom(anchored - 1);
            assertBrokenAt(anchored - 1, "tail truncated");
            assertThat(restarted.verify())
                    .extracting(AccessLog.Verification::intact, AccessLog.Verification::firstBrokenSeq)
                    .containsExactly(false, anchored - 1);
        });
        assertThat(verification().path("intact").asBoolean()).isTrue();
    }

    @Test
    void retention_deletes_old_entries_through_an_anchor_and_the_rest_stays_verifiable() throws Exception {
        readSomeTimes();
        Instant cutoff = Instant.now();
        Thread.sleep(5);
        readSomeTimes();
        var tampering = new AccessLogTampering(jdbc);
        long keepFrom = tampering.lastSeq() - 2;
        assertThat(jdbc.queryForObject(
                                "select accessed_at from audit.access_log where seq = ?",
                                java.sql.Timestamp.class,
                                keepFrom - 1)
                        .toInstant())
                .isBefore(cutoff);

        assertThat(anchors.deleteBefore(cutoff)).isPositive();

        assertThat(tampering.firstSeq()).isEqualTo(keepFrom);
        var verification = verification();
        assertThat(verification.path("intact").asBoolean())
                .as(verification.toString())
                .isTrue();
        assertThat(verification.path("firstSeq").asLong()).isEqualTo(keepFrom);
        assertThat(verification.path("entries").asLong())
                .isEqualTo(jdbc.queryForObject("select count(*) from audit.access_log", Long.class));
        assertThat(anchors.deleteBefore(cutoff)).isZero();
        // Nothing at or after the retention anchor can be deleted, not even by the service's role ...
        assertThatThrownBy(() -> jdbc.update("delete from audit.access_log where seq = ?", keepFrom))
                .isInstanceOf(DataAccessException.class);
        // ... and an owner who deletes the anchored first entry leaves a start nobody vouches for.
        var saved = tampering.rowsFrom(keepFrom);
        tampering.tamper(saved, () -> {
            jdbc.update("delete from audit.access_log where seq = ?", keepFrom);
            assertBrokenAt(keepFrom, "start not anchored");
        });
        assertThat(verification().path("intact").asBoolean()).isTrue();
    }

    @Test
    void concurrent_multi_entry_appends_keep_each_read_contiguous_and_the_chain_intact() throws Exception {
        var reader =
                new KiimUser("kim", "", "kim-harz", AgencyKind.INTEGRATIONSMANAGEMENT, Set.of(Role.CASEWORKER), true);
        int readers = 6;
        int readsEach = 5;
        int personsEach = 40;
        ExecutorService pool = Executors.newFixedThreadPool(readers + 1);
        List<List<UUID>> pages = new ArrayList<>();
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int r = 0; r < readers; r++) {
                List<List<UUID>> mine = IntStream.range(0, readsEach)
                        .mapToObj(read -> IntStream.range(0, personsEach)
                                .mapToObj(person -> UUID.randomUUID())
                                .toList())
                        .toList();
                pages.addAll(mine);
                done.add(pool.submit(() -> mine.forEach(
                        page -> accessLog.recordAll(reader, page, AccessView.SEARCH, AccessPurpose.CASE_WORK))));
            }
            // Single-entry reads race the pages for the same sequence numbers.
            done.add(pool.submit(() -> IntStream.range(0, 20)
                    .forEach(i -> accessLog.record(reader, personId.value(), AccessView.CARD, null))));
            for (Future<?> read : done) {
                read.get(1, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }

        for (List<UUID> page : pages) {
            List<Long> seqs = jdbc.queryForList(
                    "select seq from audit.access_log where person_id = any(?) order by seq", Long.class, (Object)
                            page.toArray(UUID[]::new));
            // One entry per person, appended together: consecutive, in the page's order.
            assertThat(seqs).hasSize(personsEach);
            assertThat(seqs.get(personsEach - 1) - seqs.get(0)).isEqualTo(personsEach - 1);
            assertThat(jdbc.queryForList(
                            "select person_id from audit.access_log where seq >= ? and seq <= ? " + "order by seq",
                            UUID.class,
                            seqs.get(0),
                            seqs.get(personsEach - 1)))
                    .isEqualTo(page);
        }
        var verification =
                api.get("/api/v1/audit/access/verification", "auditor").json();
        assertThat(verification.path("intact").asBoolean()).isTrue();
        // Every entry kept (retention may have deleted the oldest).
        assertThat(verification.path("entries").asLong())
                .isEqualTo(jdbc.queryForObject("select count(*) from audit.access_log", Long.class));
        // More than fits one statement is refused, not half logged.
        long last = jdbc.queryForObject("select max(seq) from audit.access_log", Long.class);
        assertThatThrownBy(() -> accessLog.recordAll(
                        reader,
                        IntStream.range(0, 1001)
                                .mapToObj(i -> UUID.randomUUID())
                                .toList(),
                        AccessView.SEARCH,
                        null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(jdbc.queryForObject("select max(seq) from audit.access_log", Long.class))
                .isEqualTo(last);
    }

    @Test
    void concurrent_reads_are_each_logged_once_and_the_chain_stays_intact() throws Exception {
        long before = logged("TIMELINE");
        int readers = 8;
        int readsEach = 10;
        ExecutorService pool = Executors.newFixedThreadPool(readers);
        try {
            List<Future<List<Integer>>> statuses = new ArrayList<>();
            for (int reader = 0; reader < readers; reader++) {
                statuses.add(pool.submit(() -> IntStream.range(0, readsEach)
                        .mapToObj(i -> api.get("/api/v1/persons/" + personId + "/timeline", "abh")
                                .status())
                        .toList()));
            }
            for (Future<List<Integer>> reader : statuses) {
                assertThat(reader.get(1, TimeUnit.MINUTES)).containsOnly(200);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(logged("TIMELINE")).isEqualTo(before + readers * readsEach);
        var verification =
                api.get("/api/v1/audit/access/verification", "auditor").json();
        assertThat(verification.path("intact").asBoolean()).isTrue();
        // Every entry kept (retention may have deleted the oldest).
        assertThat(verification.path("entries").asLong())
                .isEqualTo(jdbc.queryForObject("select count(*) from audit.access_log", Long.class));
    }
}
