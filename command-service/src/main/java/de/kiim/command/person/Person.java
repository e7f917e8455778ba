package de.kiim.command.person;

import de.kiim.command.api.CommandDispatch;
import de.kiim.command.api.PersonCommand;
import de.kiim.command.benefits.ChangeBenefitRegime;
import de.kiim.command.consent.EndAgencyAccess;
import de.kiim.command.consent.GiveConsent;
import de.kiim.command.consent.ShareCase;
import de.kiim.command.consent.WithdrawConsent;
import de.kiim.command.counselling.RecordCounsellingSession;
import de.kiim.command.course.CourseCommand;
import de.kiim.command.course.CourseParticipation;
import de.kiim.command.course.EnrolInCourse;
import de.kiim.command.education.RecordPreviousOccupation;
import de.kiim.command.education.RecordRecognitionDecision;
import de.kiim.command.education.RecordSchooling;
import de.kiim.command.employment.Employment;
import de.kiim.command.employment.EmploymentCommand;
import de.kiim.command.employment.StartEmployment;
import de.kiim.command.erasure.EndSupport;
import de.kiim.command.erasure.ErasePersonData;
import de.kiim.command.erasure.LiftLegalHold;
import de.kiim.command.erasure.PlaceLegalHold;
import de.kiim.command.erasure.RetentionPeriods;
import de.kiim.command.language.AssessLanguageLevel;
import de.kiim.command.residence.ChangeResidenceStatus;
import de.kiim.events.PersonId;
import de.kiim.events.benefits.BenefitRegimeChanged;
import de.kiim.events.consent.AgencyAccessEnded;
import de.kiim.events.consent.CaseSharedWithAgency;
import de.kiim.events.consent.ConsentGiven;
import de.kiim.events.consent.ConsentWithdrawn;
import de.kiim.events.counselling.CounsellingSessionHeld;
import de.kiim.events.course.CourseEnrolled;
import de.kiim.events.education.PreviousOccupationRecorded;
import de.kiim.events.education.QualificationRecognitionDecided;
import de.kiim.events.education.SchoolingRecorded;
import de.kiim.events.employment.EmploymentStarted;
import de.kiim.events.erasure.LegalHoldLifted;
import de.kiim.events.erasure.LegalHoldPlaced;
import de.kiim.events.erasure.PersonDataErased;
import de.kiim.events.erasure.SupportEnded;
import de.kiim.events.language.LanguageLevelAssessed;
import de.kiim.events.person.BaseDataCorrected;
import de.kiim.events.person.PersonMovedAway;
import de.kiim.events.person.PersonMovedWithinDistrict;
import de.kiim.events.person.PersonRegistered;
import de.kiim.events.privacy.PersonalData;
import de.kiim.events.residence.ResidenceStatusChanged;
import de.kiim.events.vocabulary.BenefitRegime;
import de.kiim.events.vocabulary.LegalHoldGround;
import de.kiim.platform.crypto.PersonKeys;
import de.kiim.platform.web.RuleViolation;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.AggregateMember;
import org.axonframework.modelling.command.CommandHandlerInterceptor;
import org.axonframework.modelling.command.ForwardMatchingInstances;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The person (<em>betroffene Person</em>) whose integration path Kiim records; every event about them is appended
 * to this aggregate's stream. Its state holds what its rules need: codes, dates of steps, and — the one personal
 * value — the date of birth, marked {@link PersonalData}. It has no snapshots: they would need an encrypted record
 * form first (ADR 0007).
 * <p>
 * Rules every step shares are checked once, in {@link #checkSharedRules}; courses and employments are entities of
 * their own ({@link CourseParticipation}, {@link Employment}) with their own rules.
 */
@Aggregate(cache = "personCache", commandTargetResolver = "personCommandTargetResolver")
public class Person {

    @AggregateIdentifier
    private PersonId personId;
    @PersonalData
    private LocalDate dateOfBirth;
    private LocalDate entryDate;
    private boolean movedAway;
    private BenefitRegime benefitRegime;
    private boolean supportEnded;
    private final Set<LegalHoldGround> legalHolds = EnumSet.noneOf(LegalHoldGround.class);
    private boolean erased;
    /** Standing consents as "agency|purpose", and agencies the case is shared with: ids and codes only. */
    private final Set<String> consents = new HashSet<>();
    private final Set<String> sharedWith = new HashSet<>();

    @AggregateMember(eventForwardingMode = ForwardMatchingInstances.class)
    private final Map<UUID, CourseParticipation> courses = new HashMap<>();
    @AggregateMember(eventForwardingMode = ForwardMatchingInstances.class)
    private final Map<UUID, Employment> employments = new HashMap<>();

    protected Person() {
        // for Axon's event sourcing
    }

    /** Issues the person's own data key first: the event's personal fields are encrypted with it. */
    @CommandHandler
    public Person(RegisterPerson command, PersonKeys keys) {
        keys.issue(command.personId());
        apply(new PersonRegistered(
                command.personId(),
                command.registeredOn(),
                command.familyName(),
                command.givenNames(),
                command.dateOfBirth(),
                command.sex(),
                command.nationality(),
                command.entryDate(),
                command.azrNumber(),
                command.municipality()));
    }

    /**
     * Runs before every command for an existing person, including those of its courses and employments. Answers
     * the person's version after the command, which the API returns as {@code ETag}.
     */
    @CommandHandlerInterceptor
    Object checkSharedRules(CommandMessage<?> message, InterceptorChain chain) throws Exception {
        if (erased) {
            throw RuleViolation.gone("person.erased", "The person's data has been erased.");
        }
        Object expected = message.getMetaData().get(CommandDispatch.EXPECTED_VERSION);
        if (expected != null && !expected.equals(AggregateLifecycle.getVersion())) {
            throw RuleViolation.preconditionFailed("person.version-changed",
                    "The person has changed since the version in If-Match; read it again.");
        }
        if (message.getPayload() instanceof PersonCommand step) {
            requireNotBeforeBirth(step);
        }
        if (message.getPayload() instanceof CourseCommand step && !courses.containsKey(step.enrolmentId())) {
            throw RuleViolation.notFound("course.unknown", "The person has no course enrolment with this id.");
        }
        if (message.getPayload() instanceof EmploymentCommand step && !employments.containsKey(step.employmentId())) {
            throw RuleViolation.notFound("employment.unknown", "The person has no employment with this id.");
        }
        chain.proceed();
        return AggregateLifecycle.getVersion();
    }

    private void requireNotBeforeBirth(PersonCommand step) {
        if (dateOfBirth != null && step.datesToCheck().stream().anyMatch(day -> day.isBefore(dateOfBirth))) {
            throw RuleViolation.unprocessable("date.before-birth",
                    "A step of a person's integration path cannot happen before their birth.");
        }
    }

    @CommandHandler
    void handle(CorrectBaseData command) {
        LocalDate born = command.dateOfBirth() != null ? command.dateOfBirth() : dateOfBirth;
        LocalDate entered = command.entryDate() != null ? command.entryDate() : entryDate;
        if (born != null && entered != null && entered.isBefore(born)) {
            throw RuleViolation.unprocessable("date.before-birth",
                    "After the correction the entry date would lie before the date of birth.");
        }
        apply(new BaseDataCorrected(personId, command.occurredOn(), command.familyName(), command.givenNames(),
                command.dateOfBirth(), command.sex(), command.nationality(), command.entryDate(),
                command.azrNumber()));
    }

    @CommandHandler
    void handle(MovePerson command) {
        apply(new PersonMovedWithinDistrict(personId, command.occurredOn(), command.municipality()));
    }

    @CommandHandler
    void handle(MovePersonAway command) {
        if (movedAway) {
            throw RuleViolation.conflict("person.already-moved-away",
                    "The person has already moved out of the district.");
        }
        apply(new PersonMovedAway(personId, command.occurredOn(), command.destination()));
    }

    @CommandHandler
    void handle(ChangeResidenceStatus command) {
        apply(new ResidenceStatusChanged(personId, command.occurredOn(), command.status(), command.validUntil()));
    }

    @CommandHandler
    void handle(ChangeBenefitRegime command) {
        if (command.regime() == benefitRegime) {
            throw RuleViolation.conflict("benefit-regime.unchanged",
                    "The person already receives benefits under this regime.");
        }
        apply(new BenefitRegimeChanged(personId, command.occurredOn(), command.regime(), benefitRegime));
    }

    @CommandHandler
    void handle(AssessLanguageLevel command) {
        apply(new LanguageLevelAssessed(personId, command.occurredOn(), command.skill(), command.level(),
                command.method()));
    }

    @CommandHandler
    void handle(EnrolInCourse command) {
        boolean alreadyInSuchCourse = courses.values().stream()
                .anyMatch(course -> course.isOngoing() && course.courseType() == command.courseType());
        if (alreadyInSuchCourse) {
            throw RuleViolation.conflict("course.already-enrolled",
                    "The person is already enrolled in an ongoing course of this type.");
        }
        apply(new CourseEnrolled(personId, command.enrolmentId(), command.occurredOn(), command.courseType(),
                command.startsOn(), command.providerAgency()));
    }

    @CommandHandler
    void handle(RecordSchooling command) {
        apply(new SchoolingRecorded(personId, command.occurredOn(), command.level(), command.years(),
                command.country()));
    }

    @CommandHandler
    void handle(RecordRecognitionDecision command) {
        apply(new QualificationRecognitionDecided(personId, command.occurredOn(), command.referenceOccupation(),
                command.outcome()));
    }

    @CommandHandler
    void handle(RecordPreviousOccupation command) {
        apply(new PreviousOccupationRecorded(personId, command.occurredOn(), command.occupation(), command.years(),
                command.country()));
    }

    @CommandHandler
    void handle(StartEmployment command) {
        apply(new EmploymentStarted(personId, command.employmentId(), command.occurredOn(), command.occupation(),
                command.kind(), command.weeklyHours()));
    }

    @CommandHandler
    void handle(RecordCounsellingSession command) {
        apply(new CounsellingSessionHeld(personId, command.occurredOn(), command.topics(),
                command.agreedNextSteps()));
    }

    @CommandHandler
    void handle(GiveConsent command) {
        if (consents.contains(command.recipientAgency() + "|" + command.purpose())) {
            throw RuleViolation.conflict("consent.already-given",
                    "This consent for this agency and purpose already stands.");
        }
        apply(new ConsentGiven(personId, command.occurredOn(), command.purpose(), command.recipientAgency(),
                command.legalBasis(), command.evidenceReference()));
    }

    @CommandHandler
    void handle(WithdrawConsent command) {
        if (!consents.contains(command.recipientAgency() + "|" + command.purpose())) {
            throw RuleViolation.conflict("consent.not-given", "No consent for this agency and purpose stands.");
        }
        apply(new ConsentWithdrawn(personId, command.occurredOn(), command.purpose(), command.recipientAgency()));
    }

    @CommandHandler
    void handle(ShareCase command) {
        if (sharedWith.contains(command.agency())) {
            throw RuleViolation.conflict("case.already-shared", "The case is already shared with this agency.");
        }
        apply(new CaseSharedWithAgency(personId, command.occurredOn(), command.agency(), command.legalBasis()));
    }

    @CommandHandler
    void handle(EndAgencyAccess command) {
        if (!sharedWith.contains(command.agency())) {
            throw RuleViolation.conflict("case.not-shared", "The case is not shared with this agency.");
        }
        apply(new AgencyAccessEnded(personId, command.occurredOn(), command.agency()));
    }

    @CommandHandler
    void handle(EndSupport command, RetentionPeriods retention) {
        if (supportEnded) {
            throw RuleViolation.conflict("support.already-ended", "Support for this person has already ended.");
        }
        apply(new SupportEnded(personId, command.endedOn(), command.reason(),
                command.endedOn().plus(retention.of(command.reason()))));
    }

    @CommandHandler
    void handle(PlaceLegalHold command) {
        if (legalHolds.contains(command.ground())) {
            throw RuleViolation.conflict("legal-hold.already-placed", "This legal hold is already in place.");
        }
        apply(new LegalHoldPlaced(personId, command.placedOn(), command.ground()));
    }

    @CommandHandler
    void handle(LiftLegalHold command) {
        if (!legalHolds.contains(command.ground())) {
            throw RuleViolation.conflict("legal-hold.not-placed", "No such legal hold is in place.");
        }
        apply(new LegalHoldLifted(personId, command.liftedOn(), command.ground()));
    }

    /** Art. 17(3) legal holds are the only thing that blocks erasure. */
    @CommandHandler
    void handle(ErasePersonData command) {
        if (!legalHolds.isEmpty()) {
            throw RuleViolation.conflict("erasure.legal-hold",
                    "A legal hold under Art. 17(3) GDPR blocks erasure: " + legalHolds + ".");
        }
        apply(new PersonDataErased(personId, command.erasedOn(), command.reason()));
    }

    @EventSourcingHandler
    void on(PersonRegistered event) {
        this.personId = event.personId();
        this.dateOfBirth = event.dateOfBirth();
        this.entryDate = event.entryDate();
    }

    @EventSourcingHandler
    void on(BaseDataCorrected event) {
        if (event.dateOfBirth() != null) {
            this.dateOfBirth = event.dateOfBirth();
        }
        if (event.entryDate() != null) {
            this.entryDate = event.entryDate();
        }
    }

    @EventSourcingHandler
    void on(PersonMovedAway event) {
        this.movedAway = true;
    }

    /** Moving to a municipality of the district again after moving away is a return. */
    @EventSourcingHandler
    void on(PersonMovedWithinDistrict event) {
        this.movedAway = false;
    }

    @EventSourcingHandler
    void on(BenefitRegimeChanged event) {
        this.benefitRegime = event.regime();
    }

    @EventSourcingHandler
    void on(CourseEnrolled event) {
        courses.put(event.enrolmentId(), new CourseParticipation(event));
    }

    @EventSourcingHandler
    void on(EmploymentStarted event) {
        employments.put(event.employmentId(), new Employment(event));
    }

    @EventSourcingHandler
    void on(ConsentGiven event) {
        consents.add(event.recipientAgency() + "|" + event.purpose());
    }

    @EventSourcingHandler
    void on(ConsentWithdrawn event) {
        consents.remove(event.recipientAgency() + "|" + event.purpose());
    }

    @EventSourcingHandler
    void on(CaseSharedWithAgency event) {
        sharedWith.add(event.agency());
    }

    @EventSourcingHandler
    void on(AgencyAccessEnded event) {
        sharedWith.remove(event.agency());
    }

    @EventSourcingHandler
    void on(SupportEnded event) {
        this.supportEnded = true;
    }

    @EventSourcingHandler
    void on(LegalHoldPlaced event) {
        legalHolds.add(event.ground());
    }

    @EventSourcingHandler
    void on(LegalHoldLifted event) {
        legalHolds.remove(event.ground());
    }

    @EventSourcingHandler
    void on(PersonDataErased event) {
        this.erased = true;
        this.dateOfBirth = null;
    }
}
