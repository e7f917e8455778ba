package de.kiim.command.person;

import static de.kiim.command.person.PersonFixture.by;

import de.kiim.command.erasure.EndSupport;
import de.kiim.command.erasure.ErasePersonData;
import de.kiim.command.erasure.LiftLegalHold;
import de.kiim.command.erasure.PlaceLegalHold;
import de.kiim.command.erasure.ResumeSupport;
import de.kiim.events.EventMetadata;
import de.kiim.events.PersonId;
import de.kiim.events.erasure.LegalHoldLifted;
import de.kiim.events.erasure.LegalHoldPlaced;
import de.kiim.events.erasure.PersonDataErased;
import de.kiim.events.erasure.SupportEnded;
import de.kiim.events.erasure.SupportResumed;
import de.kiim.events.person.PersonRegistered;
import de.kiim.events.vocabulary.AgeBand;
import de.kiim.events.vocabulary.CountryCode;
import de.kiim.events.vocabulary.LegalHoldGround;
import de.kiim.events.vocabulary.MunicipalityCode;
import de.kiim.events.vocabulary.Sex;
import de.kiim.events.vocabulary.SupportEndReason;
import de.kiim.platform.web.RuleViolation;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.matchers.Matchers;
import org.junit.jupiter.api.Test;

/**
 * The rules of the person's retention member: support ends once and can be resumed only within the grace period
 * counted from when the end was recorded, legal holds are placed and lifted once each, and while any stands the
 * person cannot be erased; after erasure the person answers every command with 410.
 */
class RetentionRulesTest {

    private static final LocalDate TODAY = LocalDate.of(2025, 3, 10);
    private final PersonId personId = PersonId.random();
    private final AggregateTestFixture<Person> fixture = PersonFixture.of(TODAY, new PersonTest.IssuedKeys());

    private EventMessage<?> registered() {
        return by(
                PersonFixture.ABH,
                new PersonRegistered(
                        personId,
                        TODAY.minusYears(1),
                        "Testperson",
                        "Lina",
                        LocalDate.of(1991, 5, 1),
                        Sex.FEMALE,
                        CountryCode.of("AFG"),
                        TODAY.minusYears(1),
                        null,
                        MunicipalityCode.of("15085135"),
                        AgeBand.on(TODAY.minusYears(1), LocalDate.of(1991, 5, 1))));
    }

    private EventMessage<?> supportEndedRecordedOn(LocalDate recordedOn) {
        return GenericEventMessage.asEventMessage(new SupportEnded(
                        personId,
                        recordedOn.minusDays(3),
                        SupportEndReason.LEFT_GERMANY,
                        recordedOn.plus(PersonFixture.RETENTION)))
                .andMetaData(MetaData.with(
                        EventMetadata.RECORDED_AT,
                        recordedOn.atStartOfDay().toInstant(ZoneOffset.UTC).toString()));
    }

    private void expectRule(String rule, Object command, Object... given) {
        fixture.given(given)
                .when(command)
                .expectNoEvents()
                .expectException(Matchers.matches(failure -> failure instanceof RuleViolation violation
                        && violation.rule().equals(rule)));
    }

    @Test
    void support_ends_once_and_schedules_erasure_after_the_retention_counted_from_today() {
        LocalDate backDated = TODAY.minusYears(2);
        fixture.given(registered())
                .when(new EndSupport(personId, backDated, SupportEndReason.LEFT_GERMANY))
                .expectEvents(new SupportEnded(
                        personId, backDated, SupportEndReason.LEFT_GERMANY, TODAY.plus(PersonFixture.RETENTION)));
        expectRule(
                "support.already-ended",
                new EndSupport(personId, TODAY, SupportEndReason.LEFT_GERMANY),
                registered(),
                supportEndedRecordedOn(TODAY));
    }

    @Test
    void support_resumes_only_within_the_grace_period_from_when_the_end_was_recorded() {
        fixture.given(registered(), supportEndedRecordedOn(TODAY.minus(PersonFixture.GRACE)))
                .when(new ResumeSupport(personId, TODAY))
                .expectEvents(new SupportResumed(personId, TODAY));
        expectRule(
                "support.grace-period-over",
                new ResumeSupport(personId, TODAY),
                registered(),
                supportEndedRecordedOn(TODAY.minus(PersonFixture.GRACE).minusDays(1)));
        expectRule("support.not-ended", new ResumeSupport(personId, TODAY), registered());
    }

    @Test
    void a_standing_legal_hold_blocks_erasure_until_it_is_lifted() {
        var hold = new LegalHoldPlaced(personId, TODAY, LegalHoldGround.LEGAL_CLAIMS);
        expectRule(
                "erasure.legal-hold",
                new ErasePersonData(personId, TODAY, SupportEndReason.DATA_SUBJECT_REQUEST),
                registered(),
                hold);
        expectRule(
                "legal-hold.already-placed",
                new PlaceLegalHold(personId, TODAY, LegalHoldGround.LEGAL_CLAIMS),
                registered(),
                hold);
        expectRule(
                "legal-hold.not-placed",
                new LiftLegalHold(personId, TODAY, LegalHoldGround.LEGAL_CLAIMS),
                registered());
        fixture.given(registered(), hold, new LegalHoldLifted(personId, TODAY, LegalHoldGround.LEGAL_CLAIMS))
                .when(new ErasePersonData(personId, TODAY, SupportEndReason.DATA_SUBJECT_REQUEST))
                .expectEvents(new PersonDataErased(personId, TODAY, SupportEndReason.DATA_SUBJECT_REQUEST));
    }

    @Test
    void an_erased_person_answers_every_command_as_gone() {
        var erased = new PersonDataErased(personId, TODAY, SupportEndReason.DATA_SUBJECT_REQUEST);
        expectRule(
                "person.erased",
                new ErasePersonData(personId, TODAY, SupportEndReason.DATA_SUBJECT_REQUEST),
                registered(),
                erased);
        expectRule(
                "person.erased",
                new MovePerson(personId, TODAY, MunicipalityCode.of("15085135")),
                registered(),
                erased);
    }
}
