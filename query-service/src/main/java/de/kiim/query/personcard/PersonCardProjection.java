package de.kiim.query.personcard;

import de.kiim.events.EventMetadata;
import de.kiim.events.benefits.BenefitRegimeChanged;
import de.kiim.events.erasure.PersonDataErased;
import de.kiim.events.person.BaseDataCorrected;
import de.kiim.events.person.PersonMovedAway;
import de.kiim.events.person.PersonMovedWithinDistrict;
import de.kiim.events.person.PersonRegistered;
import de.kiim.events.residence.ResidenceStatusChanged;
import de.kiim.events.vocabulary.Vocabulary;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Date;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Keeps one row of current base data and situation per person; deletes it on erasure. Every event of the person
 * advances the row's version, so the card's ETag is the person's version on the command side. Each update applies
 * only to an older version, so a redelivered event changes nothing.
 */
@Component
@ProcessingGroup(PersonCardProjection.GROUP)
class PersonCardProjection {

    static final String GROUP = "person-card";

    private final JdbcTemplate jdbc;

    PersonCardProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
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

    /** Only the corrected fields change; the others keep their value. */
    @EventHandler
    void on(BaseDataCorrected event, @SequenceNumber long sequence) {
        update(event.personId().value(), sequence, """
                        family_name = coalesce(?, family_name), given_names = coalesce(?, given_names),
                        date_of_birth = coalesce(?, date_of_birth), sex = coalesce(?, sex),
                        nationality = coalesce(?, nationality), entry_date = coalesce(?, entry_date),
                        azr_number = coalesce(?, azr_number)""",
                event.familyName(), event.givenNames(), date(event.dateOfBirth()), code(event.sex()),
                event.nationality() == null ? null : event.nationality().alpha3(), date(event.entryDate()),
                event.azrNumber());
    }

    @EventHandler
    void on(PersonMovedWithinDistrict event, @SequenceNumber long sequence) {
        update(event.personId().value(), sequence, "municipality = ?, moved_away_on = null",
                event.municipality().value());
    }

    @EventHandler
    void on(PersonMovedAway event, @SequenceNumber long sequence) {
        update(event.personId().value(), sequence, "moved_away_on = ?", date(event.occurredAt()));
    }

    @EventHandler
    void on(ResidenceStatusChanged event, @SequenceNumber long sequence) {
        update(event.personId().value(), sequence, "residence_status = ?, residence_valid_until = ?",
                event.status().code(), date(event.validUntil()));
    }

    @EventHandler
    void on(BenefitRegimeChanged event, @SequenceNumber long sequence) {
        update(event.personId().value(), sequence, "benefit_regime = ?", event.regime().code());
    }

    @EventHandler
    void on(PersonDataErased event) {
        jdbc.update("delete from query.person_card where person_id = ?", event.personId().value());
    }

    /** Every other step of the person: the card does not show it, but the person's version moves on. */
    @EventHandler
    void on(Object payload, DomainEventMessage<?> event) {
        update(UUID.fromString(event.getAggregateIdentifier()), event.getSequenceNumber(), "");
    }

    private void update(UUID personId, long sequence, String assignments, Object... values) {
        Object[] arguments = new Object[values.length + 3];
        System.arraycopy(values, 0, arguments, 0, values.length);
        arguments[values.length] = sequence;
        arguments[values.length + 1] = personId;
        arguments[values.length + 2] = sequence;
        jdbc.update("update query.person_card set " + (assignments.isEmpty() ? "" : assignments + ", ")
                + "version = ? where person_id = ? and version < ?", arguments);
    }

    private static String code(Vocabulary value) {
        return value == null ? null : value.code();
    }

    /** Personal dates read as null once the person's key is gone. */
    private static Date date(LocalDate date) {
        return date == null ? null : Date.valueOf(date);
    }
}
