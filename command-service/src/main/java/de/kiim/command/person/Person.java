package de.kiim.command.person;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import de.kiim.command.api.Caller;
import de.kiim.command.api.CommandDispatch;
import de.kiim.command.api.PersonCommand;
import de.kiim.command.benefits.ChangeBenefitRegime;
import de.kiim.command.consent.AgencyLinks;
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
import de.kiim.command.erasure.Retention;
import de.kiim.command.language.AssessLanguageLevel;
import de.kiim.command.residence.ChangeResidenceStatus;
import de.kiim.events.PersonId;
import de.kiim.events.benefits.BenefitRegimeChanged;
import de.kiim.events.counselling.CounsellingSessionHeld;
import de.kiim.events.course.CourseEnrolled;
import de.kiim.events.education.PreviousOccupationRecorded;
import de.kiim.events.education.QualificationRecognitionDecided;
import de.kiim.events.education.SchoolingRecorded;
import de.kiim.events.employment.EmploymentStarted;
import de.kiim.events.erasure.PersonDataErased;
import de.kiim.events.language.LanguageLevelAssessed;
import de.kiim.events.person.BaseDataCorrected;
import de.kiim.events.person.PersonMovedAway;
import de.kiim.events.person.PersonMovedWithinDistrict;
import de.kiim.events.person.PersonRegistered;
import de.kiim.events.privacy.PersonalData;
import de.kiim.events.residence.ResidenceStatusChanged;
import de.kiim.events.vocabulary.AgeBand;
import de.kiim.events.vocabulary.BenefitRegime;
import de.kiim.platform.crypto.PersonKeys;
import de.kiim.platform.entitlements.EntitlementPolicy;
import de.kiim.platform.entitlements.LinkRules;
import de.kiim.platform.security.OpenAgencies;
import de.kiim.platform.web.RuleViolation;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
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
import org.springframework.http.HttpStatus;

/**
 * The person (<em>betroffene Person</em>) whose integration path Kiim records; every event about them is appended
 * to this aggregate's stream. Its state holds what its rules need: codes, dates of steps, and — the one personal
 * value — the date of birth, marked {@link PersonalData}. It has no snapshots: they would need an encrypted record
 * form first (ADR 0007).
 * <p>
 * Rules every step shares are checked once, in {@link #checkSharedRules}. The rest are members of their own with
 * their rules: courses ({@link CourseParticipation}), employments ({@link Employment}), consents and case shares
 * ({@link AgencyLinks}, which also decides who sees the person), and retention — support end, legal holds, erasure ({@link Retention}).
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
    private boolean erased;

    @AggregateMember(eventForwardingMode = ForwardMatchingInstances.class)
    private final Map<UUID, CourseParticipation> courses = new HashMap<>();

    @AggregateMember(eventForwardingMode = ForwardMatchingInstances.class)
    private final Map<UUID, Employment> employments = new HashMap<>();

    @AggregateMember
    private final AgencyLinks links = new AgencyLinks();

    @AggregateMember
    private final Retention retention = new Retention();

    protected Person() {
        // for Axon's event sourcing
    }

    /**
     * Issues the person's own data key first: the event's personal fields are encrypted with it. The command bus
     * has checked for likely duplicates ({@code DuplicateCheck}).
     */
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
                command.municipality(),
                AgeBand.on(command.entryDate(), command.dateOfBirth())));
    }

    /**
     * Runs before every command for an existing person, including those of its courses and employments: first the
     * link rule (a step from an agency that does not see the person is answered as for an unknown person), then
     * erasure, If-Match, the birth date and the enrolment or employment named. Answers the person's version after
     * the command, which the API returns as {@code ETag}.
     */
    @CommandHandlerInterceptor
    Object checkSharedRules(CommandMessage<?> message, InterceptorChain chain, LinkRules rules) throws Exception {
        if (message.getPayload() instanceof PersonCommand) {
            links.requireSeenBy(Caller.of(message), rules, personId);
        }
        if (erased) {
            throw RuleViolation.gone("person.erased", "The person's data has been erased.");
        }
        Object expected = message.getMetaData().get(CommandDispatch.EXPECTED_VERSION);
        if (expected != null && !expected.equals(AggregateLifecycle.getVersion())) {
            throw RuleViolation.preconditionFailed(
                    "person.version-changed", "The person has changed since the version in If-Match; read it again.");
        }
        if (message.getPayload() instanceof PersonCommand step) {
            requireNotBeforeBirth(step);
        }
        if (message.getPayload() instanceof CourseCommand step && !isProvider(Caller.of(message), step)) {
            throw RuleViolation.notFound("course.unknown", "The person has no course enrolment with this id.");
        }
        if (message.getPayload() instanceof EmploymentCommand step && !employments.containsKey(step.employmentId())) {
            throw RuleViolation.notFound("employment.unknown", "The person has no employment with this id.");
        }
        chain.proceed();
        return AggregateLifecycle.getVersion();
    }

    /** Course steps are the provider's: to another agency an enrolment it does not provide is unknown. */
    private boolean isProvider(Caller caller, CourseCommand step) {
        CourseParticipation course = courses.get(step.enrolmentId());
        return course != null && course.providerAgency().equals(caller.agency());
    }

    private void requireNotBeforeBirth(PersonCommand step) {
        if (dateOfBirth != null && step.datesToCheck().stream().anyMatch(day -> day.isBefore(dateOfBirth))) {
            throw RuleViolation.unprocessable(
                    "date.before-birth", "A step of a person's integration path cannot happen before their birth.");
        }
    }

    @CommandHandler
    void handle(CorrectBaseData command) {
        LocalDate born = command.dateOfBirth() != null ? command.dateOfBirth() : dateOfBirth;
        LocalDate entered = command.entryDate() != null ? command.entryDate() : entryDate;
        if (born != null && entered != null && entered.isBefore(born)) {
            throw RuleViolation.unprocessable(
                    "date.before-birth", "After the correction the entry date would lie before the date of birth.");
        }
        apply(new BaseDataCorrected(
                personId,
                command.occurredOn(),
                command.familyName(),
                command.givenNames(),
                command.dateOfBirth(),
                command.sex(),
                command.nationality(),
                command.entryDate(),
                command.azrNumber(),
                command.dateOfBirth() != null || command.entryDate() != null ? AgeBand.on(entered, born) : null));
    }

    @CommandHandler
    void handle(MovePerson command) {
        apply(new PersonMovedWithinDistrict(personId, command.occurredOn(), command.municipality()));
    }

    @CommandHandler
    void handle(MovePersonAway command) {
        if (movedAway) {
            throw RuleViolation.conflict(
                    "person.already-moved-away", "The person has already moved out of the district.");
        }
        apply(new PersonMovedAway(personId, command.occurredOn(), command.destination()));
    }

    @CommandHandler
    void handle(ChangeResidenceStatus command) {
        apply(new ResidenceStatusChanged(personId, command.occurredOn(), command.status(), command.validUntil()));
    }

    /**
     * A change of benefit regime is a hand-over (<em>Rechtskreiswechsel</em>) by the agency responsible until now:
     * the policy's {@code handsOverFrom} names the regimes each kind hands over from, so no agency can take a person
     * from another by declaring them in its own regime.
     */
    @CommandHandler
    void handle(ChangeBenefitRegime command, CommandMessage<?> message, EntitlementPolicy policy) {
        if (command.regime() == benefitRegime) {
            throw RuleViolation.conflict(
                    "benefit-regime.unchanged", "The person already receives benefits under this regime.");
        }
        if (!policy.mayHandOver(Caller.of(message).kind(), benefitRegime)) {
            throw new RuleViolation(
                    HttpStatus.FORBIDDEN,
                    "benefit-regime.not-responsible",
                    "Only the agency responsible for the person's current benefit regime hands them over.");
        }
        apply(new BenefitRegimeChanged(personId, command.occurredOn(), command.regime(), benefitRegime));
    }

    @CommandHandler
    void handle(AssessLanguageLevel command) {
        apply(new LanguageLevelAssessed(
                personId, command.occurredOn(), command.skill(), command.level(), command.method()));
    }

    /**
     * One ongoing course of a type at a time — one of a closed provider aside: nobody records its end any more, and
     * it must not keep the person out of every course of its type.
     */
    @CommandHandler
    void handle(EnrolInCourse command, OpenAgencies agencies) {
        boolean alreadyInSuchCourse = courses.values().stream()
                .anyMatch(course -> course.isOngoing()
                        && course.courseType() == command.courseType()
                        && agencies.isOpen(course.providerAgency()));
        if (alreadyInSuchCourse) {
            throw RuleViolation.conflict(
                    "course.already-enrolled", "The person is already enrolled in an ongoing course of this type.");
        }
        apply(new CourseEnrolled(
                personId,
                command.enrolmentId(),
                command.occurredOn(),
                command.courseType(),
                command.startsOn(),
                command.providerAgency()));
    }

    @CommandHandler
    void handle(RecordSchooling command) {
        apply(new SchoolingRecorded(
                personId, command.occurredOn(), command.level(), command.years(), command.country()));
    }

    @CommandHandler
    void handle(RecordRecognitionDecision command) {
        apply(new QualificationRecognitionDecided(
                personId, command.occurredOn(), command.referenceOccupation(), command.outcome()));
    }

    @CommandHandler
    void handle(RecordPreviousOccupation command) {
        apply(new PreviousOccupationRecorded(
                personId, command.occurredOn(), command.occupation(), command.years(), command.country()));
    }

    @CommandHandler
    void handle(StartEmployment command) {
        apply(new EmploymentStarted(
                personId,
                command.employmentId(),
                command.occurredOn(),
                command.occupation(),
                command.kind(),
                command.weeklyHours()));
    }

    @CommandHandler
    void handle(RecordCounsellingSession command) {
        apply(new CounsellingSessionHeld(personId, command.occurredOn(), command.topics(), command.agreedNextSteps()));
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
    void on(PersonDataErased event) {
        this.erased = true;
        this.dateOfBirth = null;
    }
}
