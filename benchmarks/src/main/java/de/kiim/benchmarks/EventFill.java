package de.kiim.benchmarks;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Grows the event store to a given size fast, by SQL: copies of the events recorded through the API, each copy
 * under new person ids (and, for one agency's timeline, new rows), so that table and index sizes are realistic. Copies
 * keep their encrypted payloads, which still decrypt: the key is found through the person id inside the payload.
 */
final class EventFill {

    /**
     * The agency whose timeline the growth scenario reads. Only its rows are copied: its index range is what a read
     * walks, and copying every agency's rows (two to four per event) made filling 5 M events disk-bound for over
     * twenty minutes.
     */
    static final String TIMELINE_AGENCY = "abh-harz";

    private final JdbcTemplate jdbc;
    /** Copy numbers already used: each copy of a person gets the id md5(person:copy). */
    private long copiesMade;

    EventFill(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    long events() {
        return jdbc.queryForObject("select count(*) from event_store.domain_event_entry", Long.class);
    }

    /** Adds copies of the first {@code originals} events until the store holds at least {@code target}. */
    void growTo(long target, long originals, boolean withTimeline) {
        while (events() < target) {
            long needed = target - events();
            long copies = Math.max(1, Math.min(needed / originals, 500_000 / originals));
            long from = copiesMade + 1;
            long to = copiesMade + copies;
            jdbc.update("""
                    insert into event_store.domain_event_entry (aggregate_identifier, sequence_number, type,
                            event_identifier, meta_data, payload, payload_revision, payload_type, time_stamp)
                    select md5(e.aggregate_identifier || ':' || c)::uuid::text, e.sequence_number, e.type,
                           gen_random_uuid()::text, e.meta_data, e.payload, e.payload_revision, e.payload_type,
                           e.time_stamp
                      from event_store.domain_event_entry e, generate_series(?::bigint, ?::bigint) c
                     where e.global_index <= ?
                     order by c, e.global_index""", from, to, maxOriginalIndex(originals));
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
                                                where global_index <= ? and sequence_number = 0)""",
                        from, to, TIMELINE_AGENCY, maxOriginalIndex(originals));
            }
            copiesMade = to;
        }
        jdbc.execute("analyze");
    }

    /** Lets the projections skip the copies, as if they had handled them: their tokens move to the head. */
    void advanceProjectionsToHead() {
        long head = jdbc.queryForObject("select max(global_index) from event_store.domain_event_entry", Long.class);
        jdbc.update("""
                update event_store.token_entry set token = convert_to(?, 'UTF8'),
                       token_type = 'org.axonframework.eventhandling.GapAwareTrackingToken'""",
                "{\"index\":" + head + ",\"gaps\":[]}");
    }

    private long maxOriginalIndex(long originals) {
        return jdbc.queryForObject("""
                select max(global_index) from (select global_index from event_store.domain_event_entry
                                                order by global_index limit ?) first""", Long.class, originals);
    }
}
