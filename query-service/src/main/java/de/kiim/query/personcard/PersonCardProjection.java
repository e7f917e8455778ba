package de.kiim.query.personcard;

import de.kiim.events.EventMetadata;
import de.kiim.events.erasure.PersonDataErased;
import de.kiim.events.person.PersonMovedWithinDistrict;
import de.kiim.events.person.PersonRegistered;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Date;

/** Keeps one row of current base data per person; deletes it on erasure. */
@Component
@ProcessingGroup(PersonCardProjection.GROUP)
class PersonCardProjection {

    static final String GROUP = "person-card";

    private final JdbcTemplate jdbc;

    PersonCardProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(PersonDataErased event) {
        jdbc.update("delete from query.person_card where person_id = ?", event.personId().value());
    }

    @EventHandler
    void on(PersonMovedWithinDistrict event, @SequenceNumber long sequence) {
        jdbc.update("update query.person_card set municipality = ?, version = ? where person_id = ? and version < ?",
                event.municipality().value(), sequence, event.personId().value(), sequence);
    }

    @EventHandler
    void on(PersonRegistered event, @SequenceNumber long sequence,
            @MetaDataValue(EventMetadata.AGENCY) String agency) {
        jdbc.update("""
                        insert into query.person_card (person_id, family_name, given_names, date_of_birth, sex,
                                                       nationality, entry_date, azr_number, municipality,
                                                       registered_on, registered_by, version)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        on conflict (person_id) do nothing""",
                event.personId().value(), event.familyName(), event.givenNames(), date(event.dateOfBirth()),
                event.sex().code(), event.nationality().alpha3(), Date.valueOf(event.entryDate()),
                event.azrNumber(), event.municipality().value(), Date.valueOf(event.occurredAt()), agency, sequence);
    }

    /** Personal dates read as null once the person's key is gone. */
    private static Date date(java.time.LocalDate date) {
        return date == null ? null : Date.valueOf(date);
    }
}
