package de.kiim.query.erasure;

import de.kiim.events.erasure.PersonDataErased;
import de.kiim.platform.crypto.PersonKeyStore;
import java.util.List;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Erasure of everything the query side holds about a person, in a processor of its own: it handles nothing but
 * {@link PersonDataErased}, so a per-agency view that is stuck, slow or rebuilding — or has the person's events
 * dead-lettered — can never hold an erased person's rows back. The views' own handler of the event stays: it cleans
 * up what a lagging view writes after this ran (then only as erased entries, the key being gone), and a person's
 * dead letters are evicted when a processor meets the erasure ({@code ErasureOvertakesDeadLetters}).
 */
@Component
@ProcessingGroup(ViewErasure.GROUP)
class ViewErasure {

    static final String GROUP = "view-erasure";
    /** Every query-side table keyed by person; a new one that holds a person's data belongs here. */
    private static final List<String> PERSON_TABLES = List.of(
            "query.timeline_entry",
            "query.person_card",
            "query.person_link",
            "query.person_link_facts",
            "query.course_provider");

    private final JdbcTemplate jdbc;
    private final PersonKeyStore keys;

    ViewErasure(JdbcTemplate jdbc, PersonKeyStore keys) {
        this.jdbc = jdbc;
        this.keys = keys;
    }

    @EventHandler
    void on(PersonDataErased event) {
        UUID personId = event.personId().value();
        keys.evict(event.personId());
        PERSON_TABLES.forEach(table -> jdbc.update("delete from " + table + " where person_id = ?", personId));
    }
}
