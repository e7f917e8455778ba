package de.kiim.command.person;

import de.kiim.command.api.CommandDispatch;
import de.kiim.command.benefits.ChangeBenefitRegime;
import de.kiim.command.consent.EndAgencyAccess;
import de.kiim.command.consent.GiveConsent;
import de.kiim.command.consent.ShareCase;
import de.kiim.command.consent.WithdrawConsent;
import de.kiim.command.counselling.RecordCounsellingSession;
import de.kiim.command.course.CompleteCourse;
import de.kiim.command.course.DropOutOfCourse;
import de.kiim.command.course.EnrolInCourse;
import de.kiim.command.course.InterruptCourse;
import de.kiim.command.course.ResumeCourse;
import de.kiim.command.education.RecordPreviousOccupation;
import de.kiim.command.education.RecordRecognitionDecision;
import de.kiim.command.education.RecordSchooling;
import de.kiim.command.employment.EndEmployment;
import de.kiim.command.employment.StartEmployment;
import de.kiim.command.language.AssessLanguageLevel;
import de.kiim.command.residence.ChangeResidenceStatus;
import de.kiim.events.PersonId;
import de.kiim.events.benefits.BenefitRegimeChanged;
import de.kiim.events.consent.AgencyAccessEnded;
import de.kiim.events.consent.CaseSharedWithAgency;
import de.kiim.events.consent.ConsentGiven;
import de.kiim.events.consent.ConsentWithdrawn;
import de.kiim.events.counselling.CounsellingSessionHeld;
import de.kiim.events.course.CourseCompleted;
import de.kiim.events.course.CourseDroppedOut;
import de.kiim.events.course.CourseEnrolled;
import de.kiim.events.course.CourseInterrupted;
import de.kiim.events.course.CourseResumed;
import de.kiim.events.education.PreviousOccupationRecorded;
import de.kiim.events.education.QualificationRecognitionDecided;
import de.kiim.events.education.SchoolingRecorded;
import de.kiim.events.employment.EmploymentEnded;
import de.kiim.events.employment.EmploymentStarted;
import de.kiim.events.language.LanguageLevelAssessed;
import de.kiim.events.person.BaseDataCorrected;
import de.kiim.events.person.PersonMovedAway;
import de.kiim.events.person.PersonMovedWithinDistrict;
import de.kiim.events.person.PersonRegistered;
import de.kiim.events.residence.ResidenceStatusChanged;
import de.kiim.events.vocabulary.AgeBand;
import de.kiim.events.vocabulary.AssessmentMethod;
import de.kiim.events.vocabulary.BenefitRegime;
import de.kiim.events.vocabulary.CefrLevel;
import de.kiim.events.vocabulary.ConsentPurpose;
import de.kiim.events.vocabulary.CounsellingTopic;
import de.kiim.events.vocabulary.CountryCode;
import de.kiim.events.vocabulary.CourseType;
import de.kiim.events.vocabulary.DropOutReason;
import de.kiim.events.vocabulary.EmploymentEndReason;
import de.kiim.events.vocabulary.EmploymentKind;
import de.kiim.events.vocabulary.ExamResult;
import de.kiim.events.vocabulary.InterruptionReason;
import de.kiim.events.vocabulary.IscedLevel;
import de.kiim.events.vocabulary.KldbCode;
import de.kiim.events.vocabulary.LanguageSkill;
import de.kiim.events.vocabulary.LegalBasis;
import de.kiim.events.vocabulary.MunicipalityCode;
import de.kiim.events.vocabulary.RecognitionOutcome;
import de.kiim.events.vocabulary.ResidenceStatus;
import de.kiim.events.vocabulary.Sex;
import de.kiim.platform.web.RuleViolation;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.matchers.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The rules of every integration step, on the Person aggregate and its course and employment entities. */
class IntegrationStepsTest {

    private final PersonId personId = PersonId.random();
    private final UUID course = UUID.randomUUID();
    private final UUID job = UUID.randomUUID();
    private final LocalDate born = LocalDate.of(1995, 5, 5);
    private final LocalDate day = LocalDate.of(2024, 6, 3);
    private final KldbCode cook = KldbCode.of("29302");
    private AggregateTestFixture<Person> fixture;

    @BeforeEach
    void setUp() {
        fixture = PersonFixture.of(day, new PersonTest.IssuedKeys());
    }

    private EventMessage<?> registered() {
        return PersonFixture.by(PersonFixture.ABH, registration());
    }

    private PersonRegistered registration() {
        return new PersonRegistered(
                personId,
                LocalDate.of(2023, 11, 2),
                "Testperson",
                "Rima",
                born,
                Sex.FEMALE,
                CountryCode.of("SYR"),
                LocalDate.of(2023, 10, 1),
                null,
                MunicipalityCode.of("15085135"),
                AgeBand.on(LocalDate.of(2023, 10, 1), born));
    }

    private CourseEnrolled enrolled(LocalDate startsOn) {
        return new CourseEnrolled(
                personId, course, day.minusDays(30), CourseType.INTEGRATION_GENERAL, startsOn, "vhs-harz");
    }

    private void expectRule(Object command, String rule, Object... given) {
        fixture.given(given)
                .when(command)
                .expectNoEvents()
                .expectException(Matchers.matches(failure -> failure instanceof RuleViolation violation
                        && violation.rule().equals(rule)));
    }

    @Test
    void every_simple_step_appends_its_event() {
        var steps = Map.<Object, Object>of(
                new ChangeResidenceStatus(personId, day, ResidenceStatus.AE_25_2_REFUGEE, day.plusYears(3)),
                new ResidenceStatusChanged(personId, day, ResidenceStatus.AE_25_2_REFUGEE, day.plusYears(3)),
                new AssessLanguageLevel(
                        personId, day, LanguageSkill.OVERALL, CefrLevel.A2, AssessmentMethod.PLACEMENT_TEST),
                new LanguageLevelAssessed(
                        personId, day, LanguageSkill.OVERALL, CefrLevel.A2, AssessmentMethod.PLACEMENT_TEST),
                new RecordSchooling(personId, day, IscedLevel.ISCED_3, 12, CountryCode.of("SYR")),
                new SchoolingRecorded(personId, day, IscedLevel.ISCED_3, 12, CountryCode.of("SYR")),
                new RecordRecognitionDecision(personId, day, cook, RecognitionOutcome.PARTIAL),
                new QualificationRecognitionDecided(personId, day, cook, RecognitionOutcome.PARTIAL),
                new RecordPreviousOccupation(personId, day, cook, 7, CountryCode.of("SYR")),
                new PreviousOccupationRecorded(personId, day, cook, 7, CountryCode.of("SYR")),
                new RecordCounsellingSession(personId, day, Set.of(CounsellingTopic.HOUSING), "Wohnungssuche"),
                new CounsellingSessionHeld(personId, day, Set.of(CounsellingTopic.HOUSING), "Wohnungssuche"),
                new MovePerson(personId, day, MunicipalityCode.of("15085235")),
                new PersonMovedWithinDistrict(personId, day, MunicipalityCode.of("15085235")),
                new MovePersonAway(personId, day, null),
                new PersonMovedAway(personId, day, null),
                new StartEmployment(personId, job, day, cook, EmploymentKind.APPRENTICESHIP, 39),
                new EmploymentStarted(personId, job, day, cook, EmploymentKind.APPRENTICESHIP, 39));
        steps.forEach(
                (command, event) -> fixture.given(registered()).when(command).expectEvents(event));
    }

    @Test
    void no_step_can_happen_before_the_persons_birth() {
        LocalDate beforeBirth = born.minusDays(1);
        for (Object command : List.of(
                new ChangeResidenceStatus(personId, beforeBirth, ResidenceStatus.DULDUNG, null),
                new RecordSchooling(personId, beforeBirth, IscedLevel.ISCED_1, 4, null),
                new StartEmployment(personId, job, beforeBirth, cook, EmploymentKind.MINI_JOB, null),
                new EnrolInCourse(personId, course, day, CourseType.INTEGRATION_GENERAL, beforeBirth, "vhs-harz"))) {
            expectRule(command, "date.before-birth", registered());
        }
    }

    @Test
    void a_correction_may_not_put_the_entry_before_the_birth() {
        fixture.given(registered())
                .when(new CorrectBaseData(personId, day, null, null, null, null, null, born.minusYears(1), null))
                .expectNoEvents()
                .expectException(RuleViolation.class);
        fixture.given(registered())
                .when(new CorrectBaseData(personId, day, "Testperson-Neu", null, null, Sex.DIVERSE, null, null, null))
                .expectEvents(new BaseDataCorrected(
                        personId, day, "Testperson-Neu", null, null, Sex.DIVERSE, null, null, null, null));
    }

    /** The age band stays in clear for statistics: a corrected birth or entry date carries the band it gives. */
    @Test
    void a_corrected_birth_or_entry_date_records_the_age_band_on_entry_it_gives() {
        fixture.given(registered())
                .when(new CorrectBaseData(personId, day, null, null, LocalDate.of(2006, 1, 1), null, null, null, null))
                .expectEvents(new BaseDataCorrected(
                        personId, day, null, null, LocalDate.of(2006, 1, 1), null, null, null, null, AgeBand.UNDER_18));
        fixture.given(registered())
                .when(new CorrectBaseData(personId, day, null, null, null, null, null, LocalDate.of(2019, 5, 4), null))
                .expectEvents(new BaseDataCorrected(
                        personId,
                        day,
                        null,
                        null,
                        null,
                        null,
                        null,
                        LocalDate.of(2019, 5, 4),
                        null,
                        AgeBand.FROM_18_TO_24));
    }

    @Test
    void a_corrected_birth_date_is_the_one_later_steps_are_checked_against() {
        var corrected =
                new BaseDataCorrected(personId, day, null, null, born.plusYears(2), null, null, null, null, null);
        expectRule(
                new RecordSchooling(personId, born.plusYears(1), IscedLevel.ISCED_0, null, null),
                "date.before-birth",
                registered(),
                corrected);
    }

    @Test
    void the_benefit_regime_change_records_the_previous_regime_and_refuses_no_change() {
        var asylum = new BenefitRegimeChanged(personId, day.minusYears(1), BenefitRegime.ASYLBLG, null);
        fixture.given(registered(), asylum)
                .when(new ChangeBenefitRegime(personId, day, BenefitRegime.SGB_II))
                .expectEvents(new BenefitRegimeChanged(personId, day, BenefitRegime.SGB_II, BenefitRegime.ASYLBLG));
        expectRule(
                new ChangeBenefitRegime(personId, day, BenefitRegime.ASYLBLG),
                "benefit-regime.unchanged",
                registered(),
                asylum);
    }

    @Test
    void a_person_moves_away_once_until_they_return() {
        var away = new PersonMovedAway(personId, day, null);
        expectRule(new MovePersonAway(personId, day, null), "person.already-moved-away", registered(), away);
        fixture.given(registered(), away, new PersonMovedWithinDistrict(personId, day, MunicipalityCode.of("15085135")))
                .when(new MovePersonAway(personId, day, null))
                .expectEvents(new PersonMovedAway(personId, day, null));
    }

    @Test
    void a_course_runs_from_enrolment_through_interruption_to_completion() {
        fixture.given(registered())
                .when(new EnrolInCourse(
                        personId, course, day, CourseType.INTEGRATION_WOMEN, day.plusDays(14), "vhs-harz"))
                .expectEvents(new CourseEnrolled(
                        personId, course, day, CourseType.INTEGRATION_WOMEN, day.plusDays(14), "vhs-harz"));
        fixture.given(registered(), enrolled(day.minusDays(20)))
                .when(new InterruptCourse(personId, course, day, InterruptionReason.ILLNESS))
                .expectEvents(new CourseInterrupted(personId, course, day, InterruptionReason.ILLNESS));
        fixture.given(
                        registered(),
                        enrolled(day.minusDays(20)),
                        new CourseInterrupted(personId, course, day, InterruptionReason.ILLNESS))
                .when(new ResumeCourse(personId, course, day.plusDays(7)))
                .expectEvents(new CourseResumed(personId, course, day.plusDays(7)));
        fixture.given(registered(), enrolled(day.minusDays(200)))
                .when(new CompleteCourse(
                        personId, course, day, List.of(ExamResult.LID_PASSED, ExamResult.DTZ_B1), CefrLevel.B1))
                .expectEvents(new CourseCompleted(
                        personId, course, day, List.of(ExamResult.DTZ_B1, ExamResult.LID_PASSED), CefrLevel.B1));
    }

    @Test
    void course_rules() {
        var started = enrolled(day.minusDays(20));
        var interrupted = new CourseInterrupted(personId, course, day, InterruptionReason.MOVE);
        var completed = new CourseCompleted(personId, course, day, List.of(), null);
        expectRule(
                new CompleteCourse(personId, course, day.minusDays(21), List.of(), null),
                "course.completed-before-start",
                registered(),
                started);
        expectRule(
                new InterruptCourse(personId, course, day.minusDays(21), InterruptionReason.ILLNESS),
                "course.before-start",
                registered(),
                started);
        expectRule(
                new DropOutOfCourse(personId, course, day.minusDays(21), DropOutReason.NO_SHOW),
                "course.before-start",
                registered(),
                started);
        expectRule(
                new InterruptCourse(personId, course, day, InterruptionReason.ILLNESS),
                "course.already-interrupted",
                registered(),
                started,
                interrupted);
        expectRule(
                new CompleteCourse(personId, course, day, List.of(), null),
                "course.interrupted",
                registered(),
                started,
                interrupted);
        expectRule(new ResumeCourse(personId, course, day), "course.not-interrupted", registered(), started);
        expectRule(
                new ResumeCourse(personId, course, day.minusDays(1)),
                "course.resumed-before-interruption",
                registered(),
                started,
                interrupted);
        expectRule(
                new CompleteCourse(personId, course, day, List.of(), null),
                "course.finished",
                registered(),
                started,
                completed);
        expectRule(
                new DropOutOfCourse(personId, course, day, DropOutReason.EMPLOYMENT),
                "course.finished",
                registered(),
                started,
                completed);
        expectRule(
                new CompleteCourse(personId, UUID.randomUUID(), day, List.of(), null),
                "course.unknown",
                registered(),
                started);
        expectRule(
                new EnrolInCourse(personId, UUID.randomUUID(), day, CourseType.INTEGRATION_GENERAL, day, "vhs-harz"),
                "course.already-enrolled",
                registered(),
                started);
        fixture.given(registered(), started, interrupted)
                .when(new DropOutOfCourse(personId, course, day, DropOutReason.MOVED_AWAY))
                .expectEvents(new CourseDroppedOut(personId, course, day, DropOutReason.MOVED_AWAY));
        fixture.given(registered(), started, completed)
                .when(new EnrolInCourse(
                        personId, UUID.randomUUID(), day, CourseType.INTEGRATION_GENERAL, day, "vhs-harz"))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void an_ongoing_course_of_a_closed_provider_does_not_keep_the_person_out_of_a_new_one() {
        UUID next = UUID.randomUUID();
        fixture.given(
                        registered(),
                        new CourseEnrolled(
                                personId,
                                course,
                                day.minusDays(30),
                                CourseType.INTEGRATION_GENERAL,
                                day.minusDays(20),
                                PersonFixture.CLOSED))
                .when(new EnrolInCourse(
                        personId, next, day, CourseType.INTEGRATION_GENERAL, day.plusDays(7), "vhs-harz"))
                .expectEvents(new CourseEnrolled(
                        personId, next, day, CourseType.INTEGRATION_GENERAL, day.plusDays(7), "vhs-harz"));
    }

    @Test
    void employment_rules() {
        var started = new EmploymentStarted(personId, job, day, cook, EmploymentKind.EMPLOYMENT, 30);
        fixture.given(registered(), started)
                .when(new EndEmployment(personId, job, day.plusMonths(6), EmploymentEndReason.FIXED_TERM_EXPIRED))
                .expectEvents(
                        new EmploymentEnded(personId, job, day.plusMonths(6), EmploymentEndReason.FIXED_TERM_EXPIRED));
        expectRule(
                new EndEmployment(personId, job, day.minusDays(1), EmploymentEndReason.RESIGNED),
                "employment.end-before-start",
                registered(),
                started);
        expectRule(
                new EndEmployment(personId, job, day, EmploymentEndReason.RESIGNED),
                "employment.already-ended",
                registered(),
                started,
                new EmploymentEnded(personId, job, day, EmploymentEndReason.DISMISSED));
        expectRule(
                new EndEmployment(personId, UUID.randomUUID(), day, EmploymentEndReason.RESIGNED),
                "employment.unknown",
                registered(),
                started);
    }

    @Test
    void consents_and_shares_stand_until_withdrawn_or_ended_and_only_then() {
        var consent = new ConsentGiven(
                personId, day, ConsentPurpose.CASE_SHARING, "mbe-harz", LegalBasis.GDPR_6_1_A, "MBE-1");
        fixture.given(registered())
                .when(new GiveConsent(
                        personId, day, ConsentPurpose.CASE_SHARING, "mbe-harz", LegalBasis.GDPR_6_1_A, "MBE-1"))
                .expectEvents(consent);
        expectRule(
                new GiveConsent(personId, day, ConsentPurpose.CASE_SHARING, "mbe-harz", LegalBasis.GDPR_6_1_A, null),
                "consent.already-given",
                registered(),
                consent);
        expectRule(
                new WithdrawConsent(personId, day, ConsentPurpose.COUNSELLING, "mbe-harz"),
                "consent.not-given",
                registered(),
                consent);
        fixture.given(registered(), consent)
                .when(new WithdrawConsent(personId, day, ConsentPurpose.CASE_SHARING, "mbe-harz"))
                .expectEvents(new ConsentWithdrawn(personId, day, ConsentPurpose.CASE_SHARING, "mbe-harz"));

        var shared = new CaseSharedWithAgency(personId, day, "jobcenter-harz", LegalBasis.SGB_X_69);
        expectRule(
                new ShareCase(personId, day, "jobcenter-harz", LegalBasis.SGB_X_69),
                "case.already-shared",
                registered(),
                shared);
        expectRule(new EndAgencyAccess(personId, day, "sozialamt-harz"), "case.not-shared", registered(), shared);
        fixture.given(registered(), shared)
                .when(new EndAgencyAccess(personId, day, "jobcenter-harz"))
                .expectEvents(new AgencyAccessEnded(personId, day, "jobcenter-harz"));
    }

    @Test
    void a_stale_expected_version_is_refused_and_the_current_one_accepted() {
        var steps = new Object[] {registered(), new PersonMovedAway(personId, day, null)};
        var stale = GenericCommandMessage.asCommandMessage(
                        new MovePerson(personId, day, MunicipalityCode.of("15085135")))
                .andMetaData(MetaData.with(CommandDispatch.EXPECTED_VERSION, 0L));
        fixture.given(steps)
                .when(stale.getPayload(), stale.getMetaData())
                .expectNoEvents()
                .expectException(RuleViolation.class);
        fixture.given(steps)
                .when(stale.getPayload(), MetaData.with(CommandDispatch.EXPECTED_VERSION, 1L))
                .expectEvents(new PersonMovedWithinDistrict(personId, day, MunicipalityCode.of("15085135")))
                .expectResultMessagePayload(2L);
    }
}
