package de.kiim.command.person;

import static de.kiim.command.person.PersonFixture.by;
import static de.kiim.command.person.PersonFixture.sender;

import de.kiim.command.benefits.ChangeBenefitRegime;
import de.kiim.command.consent.EndAgencyAccess;
import de.kiim.command.consent.GiveConsent;
import de.kiim.command.consent.ShareCase;
import de.kiim.command.consent.WithdrawConsent;
import de.kiim.command.course.CompleteCourse;
import de.kiim.command.course.EnrolInCourse;
import de.kiim.command.erasure.EndSupport;
import de.kiim.events.PersonId;
import de.kiim.events.benefits.BenefitRegimeChanged;
import de.kiim.events.consent.CaseSharedWithAgency;
import de.kiim.events.consent.ConsentGiven;
import de.kiim.events.consent.ConsentWithdrawn;
import de.kiim.events.course.CourseEnrolled;
import de.kiim.events.person.PersonMovedWithinDistrict;
import de.kiim.events.person.PersonRegistered;
import de.kiim.events.vocabulary.AgeBand;
import de.kiim.events.vocabulary.AgencyKind;
import de.kiim.events.vocabulary.BenefitRegime;
import de.kiim.events.vocabulary.ConsentPurpose;
import de.kiim.events.vocabulary.CountryCode;
import de.kiim.events.vocabulary.CourseType;
import de.kiim.events.vocabulary.LegalBasis;
import de.kiim.events.vocabulary.MunicipalityCode;
import de.kiim.events.vocabulary.Sex;
import de.kiim.events.vocabulary.SupportEndReason;
import de.kiim.platform.web.RuleViolation;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.matchers.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The command side's half of the one link rule: a step comes only from an agency that sees the person, and no
 * step lets an agency grant itself access or take another agency's away. Each case is an attack that worked
 * before the rule (issue: entitlements against a hostile caller).
 */
class CommandLinkRulesTest {

    private static final MetaData JOBCENTER = sender("jobcenter-harz", AgencyKind.JOBCENTER);
    private static final MetaData SOZIALAMT = sender("sozialamt-harz", AgencyKind.SOZIALAMT);
    private static final MetaData BERATUNG = sender("mbe-harz", AgencyKind.MIGRATIONSBERATUNG);
    private static final MetaData VHS = sender("vhs-harz", AgencyKind.SPRACHKURSTRAEGER);
    private static final MetaData ABH = sender("abh-harz", AgencyKind.AUSLAENDERBEHOERDE);

    private final PersonId personId = PersonId.random();
    private final LocalDate day = LocalDate.of(2024, 6, 3);
    private AggregateTestFixture<Person> fixture;

    @BeforeEach
    void setUp() {
        fixture = PersonFixture.of(day, new PersonTest.IssuedKeys());
    }

    private EventMessage<?> registeredByAbh() {
        return by(
                PersonFixture.ABH,
                new PersonRegistered(
                        personId,
                        day.minusYears(1),
                        "Testperson",
                        "Nour",
                        LocalDate.of(1990, 1, 1),
                        Sex.FEMALE,
                        CountryCode.of("SYR"),
                        day.minusYears(1),
                        null,
                        MunicipalityCode.of("15085135"),
                        AgeBand.on(day.minusYears(1), LocalDate.of(1990, 1, 1))));
    }

    private void expectUnknownPerson(Object command, MetaData sender, Object... given) {
        fixture.given(given)
                .when(command, sender)
                .expectNoEvents()
                .expectException(AggregateNotFoundException.class)
                .expectExceptionMessage("No such person.");
    }

    private void expectRule(Object command, MetaData sender, String rule, Object... given) {
        fixture.given(given)
                .when(command, sender)
                .expectNoEvents()
                .expectException(Matchers.matches(failure -> failure instanceof RuleViolation violation
                        && violation.rule().equals(rule)));
    }

    @Test
    void an_agency_that_does_not_see_the_person_gets_the_answer_for_an_unknown_person_for_every_self_linking_step() {
        var course =
                new EnrolInCourse(personId, UUID.randomUUID(), day, CourseType.INTEGRATION_GENERAL, day, "vhs-harz");
        expectUnknownPerson(new ChangeBenefitRegime(personId, day, BenefitRegime.SGB_II), JOBCENTER, registeredByAbh());
        expectUnknownPerson(
                new ShareCase(personId, day, "sozialamt-harz", LegalBasis.SGB_X_69), SOZIALAMT, registeredByAbh());
        expectUnknownPerson(
                new GiveConsent(personId, day, ConsentPurpose.COUNSELLING, "abh-harz", LegalBasis.GDPR_6_1_A, "MBE-1"),
                BERATUNG,
                registeredByAbh());
        expectUnknownPerson(course, VHS, registeredByAbh());
        expectUnknownPerson(
                new MovePerson(personId, day, MunicipalityCode.of("15085235")), JOBCENTER, registeredByAbh());
        expectUnknownPerson(
                new EndSupport(personId, day, SupportEndReason.LEFT_GERMANY),
                sender("abh-other", AgencyKind.AUSLAENDERBEHOERDE),
                registeredByAbh());
    }

    @Test
    void a_linked_agency_may_step() {
        fixture.given(registeredByAbh())
                .when(new MovePerson(personId, day, MunicipalityCode.of("15085235")), ABH)
                .expectEvents(new PersonMovedWithinDistrict(personId, day, MunicipalityCode.of("15085235")));
    }

    @Test
    void nobody_records_a_consent_or_a_case_share_for_itself() {
        var shared =
                by(PersonFixture.ABH, new CaseSharedWithAgency(personId, day, "jobcenter-harz", LegalBasis.SGB_X_69));
        expectRule(
                new GiveConsent(
                        personId, day, ConsentPurpose.JOB_PLACEMENT, "jobcenter-harz", LegalBasis.GDPR_6_1_A, "JC-1"),
                JOBCENTER,
                "consent.own-agency",
                registeredByAbh(),
                shared);
        expectRule(
                new ShareCase(personId, day, "abh-harz", LegalBasis.SGB_X_69),
                ABH,
                "case.own-agency",
                registeredByAbh());
    }

    @Test
    void a_consent_or_share_is_ended_only_by_its_recipient_its_recorder_or_integration_management() {
        var consent = by(
                PersonFixture.ABH,
                new ConsentGiven(
                        personId, day, ConsentPurpose.COUNSELLING, "mbe-harz", LegalBasis.GDPR_6_1_A, "ABH-7"));
        var sharedWithJobcenter =
                by(PersonFixture.ABH, new CaseSharedWithAgency(personId, day, "jobcenter-harz", LegalBasis.SGB_X_69));
        var withdraw = new WithdrawConsent(personId, day, ConsentPurpose.COUNSELLING, "mbe-harz");
        expectRule(withdraw, JOBCENTER, "grant.not-yours", registeredByAbh(), consent, sharedWithJobcenter);
        var withdrawn = new ConsentWithdrawn(personId, day, ConsentPurpose.COUNSELLING, "mbe-harz");
        fixture.given(registeredByAbh(), consent).when(withdraw, BERATUNG).expectEvents(withdrawn);
        fixture.given(registeredByAbh(), consent).when(withdraw, ABH).expectEvents(withdrawn);
        fixture.given(registeredByAbh(), consent).when(withdraw).expectEvents(withdrawn);

        var sharedWithSozialamt =
                by(PersonFixture.ABH, new CaseSharedWithAgency(personId, day, "sozialamt-harz", LegalBasis.SGB_X_69));
        expectRule(
                new EndAgencyAccess(personId, day, "sozialamt-harz"),
                JOBCENTER,
                "grant.not-yours",
                registeredByAbh(),
                sharedWithJobcenter,
                sharedWithSozialamt);
    }

    @Test
    void a_change_of_benefit_regime_is_a_hand_over_by_the_agency_responsible_until_then() {
        var sharedWithJobcenter =
                by(PersonFixture.ABH, new CaseSharedWithAgency(personId, day, "jobcenter-harz", LegalBasis.SGB_X_69));
        var asylum = new BenefitRegimeChanged(personId, day.minusMonths(6), BenefitRegime.ASYLBLG, null);
        expectRule(
                new ChangeBenefitRegime(personId, day, BenefitRegime.SGB_II),
                JOBCENTER,
                "benefit-regime.not-responsible",
                registeredByAbh(),
                sharedWithJobcenter,
                asylum);
        fixture.given(registeredByAbh(), asylum)
                .when(new ChangeBenefitRegime(personId, day, BenefitRegime.SGB_II), SOZIALAMT)
                .expectEvents(new BenefitRegimeChanged(personId, day, BenefitRegime.SGB_II, BenefitRegime.ASYLBLG));
        fixture.given(registeredByAbh(), sharedWithJobcenter)
                .when(new ChangeBenefitRegime(personId, day, BenefitRegime.SGB_II), JOBCENTER)
                .expectEvents(new BenefitRegimeChanged(personId, day, BenefitRegime.SGB_II, null));
    }

    @Test
    void course_steps_are_the_providers_and_another_providers_enrolment_is_unknown_to_it() {
        UUID enrolment = UUID.randomUUID();
        var enrolled = new CourseEnrolled(
                personId, enrolment, day.minusDays(90), CourseType.INTEGRATION_GENERAL, day.minusDays(80), "vhs-harz");
        var otherProvider = new CourseEnrolled(
                personId,
                UUID.randomUUID(),
                day.minusDays(90),
                CourseType.INTEGRATION_YOUTH,
                day.minusDays(80),
                "sprachschule-harz");
        var complete = new CompleteCourse(personId, enrolment, day, List.of(), null);
        expectRule(
                complete,
                sender("sprachschule-harz", AgencyKind.SPRACHKURSTRAEGER),
                "course.unknown",
                registeredByAbh(),
                enrolled,
                otherProvider);
        expectRule(complete, ABH, "course.unknown", registeredByAbh(), enrolled);
        fixture.given(registeredByAbh(), enrolled).when(complete, VHS).expectSuccessfulHandlerExecution();
    }
}
