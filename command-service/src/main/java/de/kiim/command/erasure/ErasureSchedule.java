package de.kiim.command.erasure;

import de.kiim.events.erasure.PersonDataErased;
import de.kiim.events.erasure.SupportEnded;
import de.kiim.events.erasure.SupportResumed;
import java.sql.Date;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code command.erasure_due} in step with the events, in the same transaction (subscribing processor): a
 * person whose support ended is due on the event's {@code erasureDueOn}, and leaves the table once erased or when
 * support is resumed.
 */
@Component
@ProcessingGroup(ErasureConfiguration.ERASURE_SCHEDULE)
class ErasureSchedule {

    private final JdbcTemplate jdbc;

    ErasureSchedule(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(SupportEnded event) {
        jdbc.update(
                """
                        insert into command.erasure_due (person_id, due_on, reason) values (?, ?, ?)
                        on conflict (person_id) do update set due_on = excluded.due_on, reason = excluded.reason""",
                event.personId().value(),
                Date.valueOf(event.erasureDueOn()),
                event.reason().code());
    }

    @EventHandler
    void on(SupportResumed event) {
        jdbc.update(
                "delete from command.erasure_due where person_id = ?",
                event.personId().value());
    }

    @EventHandler
    void on(PersonDataErased event) {
        jdbc.update(
                "delete from command.erasure_due where person_id = ?",
                event.personId().value());
    }
}
