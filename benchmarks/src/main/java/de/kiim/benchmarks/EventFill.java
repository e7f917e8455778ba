package de.kiim.benchmarks;

import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Grows the event store to a given size fast, by SQL: copies of the events recorded through the API, each copy
 * under new person ids (and, for one agency's timeline, new rows), so that table and index sizes are realistic. Copies
 * keep their encrypted payloads, which still decrypt: the key is found through the person id inside the payload.
 *
 * <p>Indexes keyed by random values (person and event uuids) are dropped for the load and built again afterwards:
 * inserting millions of random keys one by one made the fill disk-bound for ten minutes and more, while building
 * an index from sorted data takes seconds. A freshly built index is denser than one grown by appends; at these sizes
 * both are far larger than PostgreSQL's buffers, which is what the growth scenario is about.
 */
final class EventFill {

    /**
     * The agency whose timeline the growth scenario reads. Only its rows are copied: its index range is what a read
     * walks, and copying every agency's rows (two to four per event) would multiply the fill time for nothing.
     */
    static final String TIMELINE_AGENCY = "abh-harz";

    private static final String EVENTS = "event_store.domain_event_entry";
    private static final String TIMELINE = "query.timeline_entry";

    private final JdbcTemplate jdbc;
    private final ExecutorService filling = Executors.newFixedThreadPool(2, runnable -> {
        Thread thread = new Thread(runnable, "event-fill");
        thread.setDaemon(true);
        return thread;
    });
    /** Copy numbers already used: each copy of a person gets the id md5(person:copy). */
    private long copiesMade;

    EventFill(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    long events() {
        return jdbc.queryForObject("select count(*) from " + EVENTS, Long.class);
    }

    /** Adds copies of the first {@code originals} events until the store holds at least {@code target}. */
    void growTo(long target, long originals, boolean withTimeline) {
        long lastOriginal = maxOriginalIndex(originals);
        // The event store keeps its primary key: global indexes grow at the right edge, which costs nothing.
        List<String> rebuilds = new ArrayList<>(dropIndexes(EVENTS, "domain_event_entry_pk"));
        if (withTimeline) {
            rebuilds.addAll(dropIndexes(TIMELINE, null));
        }
        while (events() < target) {
            long needed = target - events();
            long copies = Math.max(1, Math.min(needed / originals, 500_000 / originals));
            long from = copiesMade + 1;
            long to = copiesMade + copies;
            // Two halves at once: one insert keeps one of PostgreSQL's processes busy, and the machine has two cores.
            long middle = from + (to - from) / 2;
            CompletableFuture.allOf(
                            CompletableFuture.runAsync(() -> copy(from, middle, lastOriginal, withTimeline), filling),
                            CompletableFuture.runAsync(() -> copy(middle + 1, to, lastOriginal, withTimeline), filling))
                    .join();
            copiesMade = to;
        }
        build(rebuilds);
        // A store that grew over years has been vacuumed and checkpointed; without this, the measurement after the
        // fill would compete with autovacuum and the checkpointer catching up with millions of fresh rows.
        jdbc.execute("vacuum analyze " + EVENTS);
        if (withTimeline) {
            jdbc.execute("vacuum analyze " + TIMELINE);
        }
        jdbc.execute("checkpoint");
    }

    /** Copies number {@code from} to {@code to} (none if {@code from > to}) of the first events. */
    private void copy(long from, long to, long lastOriginal, boolean withTimeline) {
        jdbc.update("""
                insert into event_store.domain_event_entry (aggregate_identifier, sequence_number, type,
                        event_identifier, meta_data, payload, payload_revision, payload_type, time_stamp)
                select md5(e.aggregate_identifier || ':' || c)::uuid::text, e.sequence_number, e.type,
                       gen_random_uuid()::text, e.meta_data, e.payload, e.payload_revision, e.payload_type,
                       e.time_stamp
                  from event_store.domain_event_entry e, generate_series(?::bigint, ?::bigint) c
                 where e.global_index <= ?
                 order by c, e.global_index""", from, to, lastOriginal);
        if (withTimeline) {
            jdbc.update("""
                    insert into query.timeline_entry (agency_id, event_id, person_id, sequence_number, type,
                            category, occurred_at, recorded_at, author, author_agency, data, erased)
                    select t.agency_id, gen_random_uuid()::text, md5(t.person_id::text || ':' || c)::uuid,
                           t.sequence_number, t.type, t.category, t.occurred_at, t.recorded_at, t.author,
                           t.author_agency, t.data, t.erased
                      from query.timeline_entry t, generate_series(?::bigint, ?::bigint) c
                     where t.agency_id = ?
                       and t.person_id in (select aggregate_identifier::uuid from event_store.domain_event_entry
                                            where global_index <= ? and sequence_number = 0)""", from, to, TIMELINE_AGENCY, lastOriginal);
        }
    }

    /** Lets the projections skip the copies, as if they had handled them: their tokens move to the head. */
    void advanceProjectionsToHead() {
        long head = jdbc.queryForObject("select max(global_index) from event_store.domain_event_entry", Long.class);
        jdbc.update("""
                update event_store.token_entry set token = convert_to(?, 'UTF8'),
                       token_type = 'org.axonframework.eventhandling.GapAwareTrackingToken'""", "{\"index\":" + head + ",\"gaps\":[]}");
    }

    private long maxOriginalIndex(long originals) {
        return jdbc.queryForObject("""
                select max(global_index) from (select global_index from event_store.domain_event_entry
                                                order by global_index limit ?) first""", Long.class, originals);
    }

    /**
     * Drops the table's indexes and unique constraints except {@code kept}; returns the statements that build them
     * again, read from PostgreSQL's catalog so that they match the migrations exactly.
     */
    private List<String> dropIndexes(String table, String kept) {
        List<String> rebuilds = new ArrayList<>();
        List<String> drops = new ArrayList<>();
        jdbc.query(
                """
                select c.conname, pg_get_constraintdef(c.oid) from pg_constraint c
                 where c.conrelid = ?::regclass and c.contype in ('p', 'u')""",
                row -> {
                    String name = row.getString(1);
                    if (!name.equals(kept)) {
                        drops.add("alter table " + table + " drop constraint " + name);
                        rebuilds.add("alter table " + table + " add constraint " + name + " " + row.getString(2));
                    }
                },
                table);
        jdbc.query(
                """
                select i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid) from pg_index i
                 where i.indrelid = ?::regclass
                   and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid)""",
                row -> {
                    drops.add("drop index " + row.getString(1));
                    rebuilds.add(row.getString(2));
                },
                table);
        drops.forEach(jdbc::execute);
        return rebuilds;
    }

    private void build(List<String> statements) {
        jdbc.execute((ConnectionCallback<Void>) connection -> {
            try (Statement statement = connection.createStatement()) {
                statement.execute("set maintenance_work_mem = '256MB'"); // sorts in memory, not on disk
                for (String sql : statements) {
                    statement.execute(sql);
                }
                statement.execute("reset maintenance_work_mem");
            }
            return null;
        });
    }
}
