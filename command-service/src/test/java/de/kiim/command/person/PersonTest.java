package de.kiim.command.person;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.kiim.command.erasure.EndSupport;
import de.kiim.command.erasure.ErasePersonData;
import de.kiim.command.erasure.LiftLegalHold;
import de.kiim.command.erasure.PlaceLegalHold;
import de.kiim.command.erasure.ResumeSupport;
import de.kiim.command.erasure.RetentionPeriods;
import de.kiim.events.EventMetadata;
import de.kiim.events.PersonId;
import de.kiim.events.erasure.LegalHoldLifted;
import de.kiim.events.erasure.LegalHoldPlaced;
import de.kiim.events.erasure.PersonDataErased;
import de.kiim.events.erasure.SupportEnded;
import de.kiim.events.erasure.SupportResumed;
import de.kiim.events.person.PersonMovedWithinDistrict;
import de.kiim.events.person.PersonRegistered;
import de.kiim.events.privacy.PersonalData;
import de.kiim.events.vocabulary.AgeBand;
import de.kiim.events.vocabulary.CountryCode;
import de.kiim.events.vocabulary.LegalHoldGround;
import de.kiim.events.vocabulary.MunicipalityCode;
import de.kiim.events.vocabulary.Sex;
import de.kiim.events.vocabulary.SupportEndReason;
import de.kiim.platform.crypto.PersonKeys;
import de.kiim.platform.web.RuleViolation;
import java.lang.reflect.Field;
import java.time.LocalDate;
import java.time.Period;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.crypto.SecretKey;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PersonTest {

    /** Records which keys the aggregate issues; the real key store is tested against PostgreSQL. */
    static final class IssuedKeys implements PersonKeys {
        final Set<PersonId> issued = new HashSet<>();

        @Override
        public void issue(PersonId personId) {
            issued.add(personId);
        }

        @Override
        public void destroy(PersonId personId) {
            issued.remove(personId);
        }

        @Override
        public Optional<SecretKey> find(PersonId personId) {
            return Optional.empty();
        }
    }

    private final PersonId personId = PersonId.random();
    private final IssuedKeys keys = new IssuedKeys();
    private final LocalDate today = LocalDate.of(2025, 6, 30);
    private AggregateTestFixture<Person> fixture;

    @BeforeEach
    void setUp() {
        fixture = PersonFixture.of(today, keys);
    }

    private RegisterPerson registration(String azrNumber) {
        return new RegisterPerson(
                personId,
                LocalDate.of(2024, 3, 4),
                "Testperson",
                "Erika Maria",
                LocalDate.of(1991, 2, 3),
                Sex.FEMALE,
                CountryCode.of("AF"),
                LocalDate.of(2023, 10, 1),
                azrNumber,
                MunicipalityCode.of("15085370"),
                List.of());
    }

    private EventMessage<?> registered() {
        return PersonFixture.by(PersonFixture.ABH, registeredEvent());
    }

    private PersonRegistered registeredEvent() {
        return new PersonRegistered(
                personId,
                LocalDate.of(2024, 3, 4),
                "Testperson",
                "Erika Maria",
                LocalDate.of(1991, 2, 3),
                Sex.FEMALE,
                CountryCode.of("AFG"),
                LocalDate.of(2023, 10, 1),
                "000011112222",
                MunicipalityCode.of("15085370"),
                AgeBand.on(LocalDate.of(2023, 10, 1), LocalDate.of(1991, 2, 3)));
    }

    @Test
    void registration_issues_the_persons_key_and_records_all_base_data() {
        fixture.givenNoPriorActivity()
                .when(registration("000011112222"))
                .expectSuccessfulHandlerExecution()
                .expectEvents(registeredEvent());
        assertThat(keys.issued).containsExactly(personId);
    }

    @Test
    void the_aggregate_keeps_personal_data_only_in_fields_marked_for_encryption() {
        fixture.givenNoPriorActivity().when(registration("000011112222")).expectState(person -> {
            for (Field field : Person.class.getDeclaredFields()) {
                field.setAccessible(true);
                if (field.isAnnotationPresent(PersonalData.class)) {
                    continue;
                }
                assertThat(String.valueOf(get(field, person)))
                        .as("unmarked state field %s", field.getName())
                        .doesNotContain("Testperson", "Erika", "1991-02-03", "000011112222");
            }
        });
        assertThat(Arrays.stream(Person.class.getDeclaredFields())
                        .filter(field -> field.isAnnotationPresent(PersonalData.class))
                        .map(Field::getName))
                .containsExactly("dateOfBirth");
    }

    @Test
    void the_person_has_no_snapshots_while_snapshots_would_store_the_birth_date_in_clear() {
        assertThat(Person.class
                        .getAnnotation(org.axonframework.spring.stereotype.Aggregate.class)
                        .snapshotTriggerDefinition())
                .as("see ADR 0007 before enabling snapshots")
                .isEmpty();
    }

    @Test
    void a_move_records_the_new_municipality() {
        fixture.given(registered())
                .when(new MovePerson(personId, today, MunicipalityCode.of("15085235")))
                .expectEvents(new PersonMovedWithinDistrict(personId, today, MunicipalityCode.of("15085235")));
    }

    @Test
    void ending_support_schedules_erasure_after_the_reasons_retention_period() {
        fixture.given(registered())
                .when(new EndSupport(personId, today, SupportEndReason.MOVED_AWAY))
                .expectEvents(new SupportEnded(personId, today, SupportEndReason.MOVED_AWAY, today.plusMonths(6)));
    }

    @Test
    void a_back_dated_support_end_counts_the_retention_from_today() {
        LocalDate longAgo = today.minusYears(3);
        fixture.given(registered())
                .when(new EndSupport(personId, longAgo, SupportEndReason.LEFT_GERMANY))
                .expectEvents(new SupportEnded(personId, longAgo, SupportEndReason.LEFT_GERMANY, today.plusMonths(6)));
    }

    @Test
    void the_service_refuses_retention_that_is_missing_or_shorter_than_the_grace_period() {
        assertThatThrownBy(() -> new RetentionPeriods(Map.of(SupportEndReason.MOVED_AWAY, Period.ofMonths(6)), null))
                .hasMessageContaining("NATURALISED")
                .hasMessageNotContaining("MOVED_AWAY,");
        var allButOne = new java.util.EnumMap<SupportEndReason, Period>(SupportEndReason.class);
        for (SupportEndReason reason : SupportEndReason.values()) {
            allButOne.put(reason, reason == SupportEndReason.DECEASED ? Period.ZERO : Period.ofMonths(1));
        }
        assertThatThrownBy(() -> new RetentionPeriods(allButOne, Period.ofDays(14)))
                .hasMessageContaining("DECEASED");
    }

    @Test
    void support_can_be_resumed_within_the_grace_period_only() {
        var ended = PersonFixture.by(
                        PersonFixture.ABH,
                        new SupportEnded(personId, today, SupportEndReason.MOVED_AWAY, today.plusMonths(6)))
                .andMetaData(Map.of(EventMetadata.RECORDED_AT, today.minusDays(3) + "T10:00:00Z"));
        fixture.given(registered(), ended)
                .when(new ResumeSupport(personId, today))
                .expectEvents(new SupportResumed(personId, today));
        var endedLongAgo = ended.andMetaData(Map.of(EventMetadata.RECORDED_AT, today.minusDays(15) + "T10:00:00Z"));
        fixture.given(registered(), endedLongAgo)
                .when(new ResumeSupport(personId, today))
                .expectNoEvents()
                .expectException(RuleViolation.class)
                .expectExceptionMessage("The grace period in which support could be resumed is over.");
        fixture.given(registered())
                .when(new ResumeSupport(personId, today))
                .expectNoEvents()
                .expectException(RuleViolation.class);
    }

    @Test
    void support_ends_only_once() {
        fixture.given(
                        registered(),
                        new SupportEnded(personId, today, SupportEndReason.NATURALISED, today.plusMonths(6)))
                .when(new EndSupport(personId, today, SupportEndReason.LEFT_GERMANY))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("Support for this person has already ended.");
    }

    @Test
    void erasure_appends_the_proof() {
        fixture.given(registered())
                .when(new ErasePersonData(personId, today, SupportEndReason.DATA_SUBJECT_REQUEST))
                .expectEvents(new PersonDataErased(personId, today, SupportEndReason.DATA_SUBJECT_REQUEST));
    }

    @Test
    void a_legal_hold_blocks_erasure_until_lifted() {
        fixture.given(registered(), new LegalHoldPlaced(personId, today, LegalHoldGround.LEGAL_CLAIMS))
                .when(new ErasePersonData(personId, today, SupportEndReason.DATA_SUBJECT_REQUEST))
                .expectNoEvents()
                .expectException(RuleViolation.class)
                .expectExceptionMessage("A legal hold under Art. 17(3) GDPR blocks erasure: [LEGAL_CLAIMS].");

        fixture.given(
                        registered(),
                        new LegalHoldPlaced(personId, today, LegalHoldGround.LEGAL_CLAIMS),
                        new LegalHoldLifted(personId, today, LegalHoldGround.LEGAL_CLAIMS))
                .when(new ErasePersonData(personId, today, SupportEndReason.DATA_SUBJECT_REQUEST))
                .expectEvents(new PersonDataErased(personId, today, SupportEndReason.DATA_SUBJECT_REQUEST));
    }

    @Test
    void legal_holds_are_placed_and_lifted_once() {
        fixture.given(registered())
                .when(new PlaceLegalHold(personId, today, LegalHoldGround.LEGAL_OBLIGATION))
                .expectEvents(new LegalHoldPlaced(personId, today, LegalHoldGround.LEGAL_OBLIGATION));
        fixture.given(registered(), new LegalHoldPlaced(personId, today, LegalHoldGround.LEGAL_OBLIGATION))
                .when(new PlaceLegalHold(personId, today, LegalHoldGround.LEGAL_OBLIGATION))
                .expectException(RuleViolation.class);
        fixture.given(registered())
                .when(new LiftLegalHold(personId, today, LegalHoldGround.LEGAL_OBLIGATION))
                .expectException(RuleViolation.class);
    }

    @Test
    void after_erasure_every_command_is_gone() {
        var erased = new PersonDataErased(personId, today, SupportEndReason.LEFT_GERMANY);
        for (Object command : new Object[] {
            new EndSupport(personId, today, SupportEndReason.LEFT_GERMANY),
            new MovePerson(personId, today, MunicipalityCode.of("15085235")),
            new PlaceLegalHold(personId, today, LegalHoldGround.LEGAL_CLAIMS),
            new ErasePersonData(personId, today, SupportEndReason.DATA_SUBJECT_REQUEST)
        }) {
            fixture.given(registered(), erased)
                    .when(command)
                    .expectNoEvents()
                    .expectException(RuleViolation.class)
                    .expectExceptionMessage("The person's data has been erased.");
        }
    }

    private static Object get(Field field, Person person) {
        try {
            return field.get(person);
        } catch (IllegalAccessException e) {
            throw new AssertionError(e);
        }
    }
}
