package de.kiim.query.personcard;

import de.kiim.events.benefits.BenefitRegimeChanged;
import de.kiim.events.course.CourseCompleted;
import de.kiim.events.course.CourseDroppedOut;
import de.kiim.events.course.CourseEnrolled;
import de.kiim.events.course.CourseInterrupted;
import de.kiim.events.course.CourseResumed;
import de.kiim.events.language.LanguageLevelAssessed;
import de.kiim.events.person.BaseDataCorrected;
import de.kiim.events.person.PersonMovedAway;
import de.kiim.events.person.PersonMovedWithinDistrict;
import de.kiim.events.person.PersonRegistered;
import de.kiim.events.residence.ResidenceStatusChanged;
import de.kiim.events.vocabulary.CefrLevel;
import de.kiim.events.vocabulary.Vocabulary;
import de.kiim.platform.entitlements.EntitlementPolicy.Readable;
import de.kiim.query.projections.OrderedWrites;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The card of each agency ({@code query.person_card}): one row per agency and person with the current base data
 * and situation, holding only the fields the agency may read (the others stay empty). Every update applies only to
 * an older version, so a redelivered event changes nothing. Writes go at commit, in order ({@link OrderedWrites}).
 */
@Repository
public class PersonCards {

    private final JdbcTemplate jdbc;

    PersonCards(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Applies an event the agency may see; {@code readable} says which of its fields. */
    public void apply(
            String agency, UUID personId, Object event, Readable readable, long sequence, String authorAgency) {
        if (event instanceof PersonRegistered registered) {
            writes().add(
                            """
                            insert into query.person_card (agency_id, person_id, family_name, given_names,
                                                           date_of_birth, sex, nationality, entry_date, azr_number,
                                                           municipality, registered_on, registered_by, version)
                            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                            on conflict (agency_id, person_id) do nothing""",
                            agency,
                            personId,
                            readable.includes("familyName") ? registered.familyName() : null,
                            readable.includes("givenNames") ? registered.givenNames() : null,
                            readable.includes("dateOfBirth") ? registered.dateOfBirth() : null,
                            readable.includes("sex") ? code(registered.sex()) : null,
                            readable.includes("nationality")
                                    ? registered.nationality().alpha3()
                                    : null,
                            readable.includes("entryDate") ? registered.entryDate() : null,
                            readable.includes("azrNumber") ? registered.azrNumber() : null,
                            readable.includes("municipality")
                                    ? registered.municipality().value()
                                    : null,
                            registered.occurredAt(),
                            authorAgency,
                            sequence);
        } else if (event instanceof BaseDataCorrected corrected) {
            update(
                    agency,
                    personId,
                    sequence,
                    """
                            family_name = coalesce(?, family_name), given_names = coalesce(?, given_names),
                            date_of_birth = coalesce(?, date_of_birth), sex = coalesce(?, sex),
                            nationality = coalesce(?, nationality), entry_date = coalesce(?, entry_date),
                            azr_number = coalesce(?, azr_number)""",
                    readable.includes("familyName") ? corrected.familyName() : null,
                    readable.includes("givenNames") ? corrected.givenNames() : null,
                    readable.includes("dateOfBirth") ? corrected.dateOfBirth() : null,
                    readable.includes("sex") ? code(corrected.sex()) : null,
                    readable.includes("nationality") && corrected.nationality() != null
                            ? corrected.nationality().alpha3()
                            : null,
                    readable.includes("entryDate") ? corrected.entryDate() : null,
                    readable.includes("azrNumber") ? corrected.azrNumber() : null);
        } else if (event instanceof PersonMovedWithinDistrict moved && readable.includes("municipality")) {
            update(
                    agency,
                    personId,
                    sequence,
                    "municipality = ?, moved_away_on = null",
                    moved.municipality().value());
        } else if (event instanceof PersonMovedAway away) {
            update(agency, personId, sequence, "moved_away_on = ?", away.occurredAt());
        } else if (event instanceof ResidenceStatusChanged status && readable.includes("status")) {
            update(
                    agency,
                    personId,
                    sequence,
                    "residence_status = ?, residence_valid_until = ?",
                    status.status().code(),
                    readable.includes("validUntil") ? status.validUntil() : null);
        } else if (event instanceof BenefitRegimeChanged regime && readable.includes("regime")) {
            update(
                    agency,
                    personId,
                    sequence,
                    "benefit_regime = ?",
                    regime.regime().code());
        } else if (event instanceof LanguageLevelAssessed assessed && readable.includes("level")) {
            reachLevel(agency, personId, sequence, assessed.level());
        } else if (event instanceof CourseEnrolled enrolled && readable.includes("courseType")) {
            writes().add(
                            """
                    insert into query.person_course (agency_id, person_id, enrolment_id, course_type, state)
                    values (?, ?, ?, ?, ?) on conflict do nothing""",
                            agency,
                            personId,
                            enrolled.enrolmentId(),
                            enrolled.courseType().code(),
                            CourseState.ENROLLED.name());
        } else if (event instanceof CourseInterrupted interrupted) {
            courseState(agency, interrupted.enrolmentId(), CourseState.INTERRUPTED);
        } else if (event instanceof CourseResumed resumed) {
            courseState(agency, resumed.enrolmentId(), CourseState.ENROLLED);
        } else if (event instanceof CourseDroppedOut dropped) {
            courseState(agency, dropped.enrolmentId(), CourseState.DROPPED_OUT);
        } else if (event instanceof CourseCompleted completed) {
            courseState(agency, completed.enrolmentId(), CourseState.COMPLETED);
            if (completed.levelReached() != null && readable.includes("levelReached")) {
                reachLevel(agency, personId, sequence, completed.levelReached());
            }
        }
    }

    /** CEFR codes sort as the levels do (A1 < A2 < B1 …), so the highest is the greatest. */
    private void reachLevel(String agency, UUID personId, long sequence, CefrLevel level) {
        update(agency, personId, sequence, "cefr_level = greatest(cefr_level, ?)", level.code());
    }

    private void courseState(String agency, UUID enrolmentId, CourseState state) {
        writes().add(
                        "update query.person_course set state = ? where agency_id = ? and enrolment_id = ?",
                        state.name(),
                        agency,
                        enrolmentId);
    }

    /**
     * Every agency's card of the person moves to the person's version, seen by the agency or not: once per person
     * and transaction, after its other writes, with the last version the transaction met.
     */
    public void advanceVersion(UUID personId, long sequence) {
        writes().addLast(
                        personId,
                        "update query.person_card set version = ? where person_id = ? and version < ?",
                        sequence,
                        personId,
                        sequence);
    }

    public void forget(String agency, UUID personId) {
        writes().add("delete from query.person_card where agency_id = ? and person_id = ?", agency, personId);
        writes().add("delete from query.person_course where agency_id = ? and person_id = ?", agency, personId);
    }

    /** The agency is closed and sees nobody. */
    public void forgetAgency(String agency) {
        writes().add("delete from query.person_card where agency_id = ?", agency);
        writes().add("delete from query.person_course where agency_id = ?", agency);
    }

    public void forgetPerson(UUID personId) {
        writes().add("delete from query.person_card where person_id = ?", personId);
        writes().add("delete from query.person_course where person_id = ?", personId);
    }

    public void forgetAll() {
        writes().add("delete from query.person_card");
        writes().add("delete from query.person_course");
    }

    private void update(String agency, UUID personId, long sequence, String assignments, Object... values) {
        Object[] arguments = new Object[values.length + 4];
        System.arraycopy(values, 0, arguments, 0, values.length);
        arguments[values.length] = sequence;
        arguments[values.length + 1] = agency;
        arguments[values.length + 2] = personId;
        arguments[values.length + 3] = sequence;
        writes().add(
                        "update query.person_card set " + assignments
                                + ", version = ? where agency_id = ? and person_id = ? and version < ?",
                        arguments);
    }

    private OrderedWrites writes() {
        return OrderedWrites.of(this, jdbc);
    }

    private static String code(Vocabulary value) {
        return value == null ? null : value.code();
    }
}
