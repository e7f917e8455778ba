package de.kiim.query.indicators;

import de.kiim.events.benefits.BenefitRegimeChanged;
import de.kiim.events.course.CourseCompleted;
import de.kiim.events.course.CourseDroppedOut;
import de.kiim.events.course.CourseEnrolled;
import de.kiim.events.course.CourseInterrupted;
import de.kiim.events.course.CourseResumed;
import de.kiim.events.employment.EmploymentEnded;
import de.kiim.events.employment.EmploymentStarted;
import de.kiim.events.erasure.SupportEnded;
import de.kiim.events.erasure.SupportResumed;
import de.kiim.events.language.LanguageLevelAssessed;
import de.kiim.events.person.BaseDataCorrected;
import de.kiim.events.person.PersonMovedAway;
import de.kiim.events.person.PersonMovedWithinDistrict;
import de.kiim.events.person.PersonRegistered;
import de.kiim.events.residence.ResidenceStatusChanged;
import de.kiim.events.vocabulary.Vocabulary;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * The statistical facts of an event: only fields that stay in clear (docs/privacy.md), never a personal one, so
 * that the model reads the same after an erasure and rebuilds to the same rows. An event with nothing for the
 * indicators (counselling, consents, schooling …) has no facts.
 */
final class Facts {

    private Facts() {}

    /**
     * @param episodeKey turns a course enrolment's or employment's id into the key stored instead of it
     */
    static List<Fact> of(Object event, Instant recordedAt, UnaryOperator<UUID> episodeKey) {
        List<Fact> facts = new ArrayList<>();
        Adder add = (kind, code, day) -> facts.add(Fact.of(kind, code, day, recordedAt));
        if (event instanceof PersonRegistered e) {
            add.fact(FactKind.REGISTERED, null, e.occurredAt());
            facts.add(new Fact(FactKind.ENTRY, null, null, e.occurredAt(), e.entryDate(), recordedAt));
            add.fact(FactKind.SEX, code(e.sex()), e.occurredAt());
            add.fact(
                    FactKind.NATIONALITY,
                    e.nationality() == null ? null : e.nationality().alpha3(),
                    e.occurredAt());
            add.fact(FactKind.AGE_BAND, code(e.ageBand()), e.occurredAt());
            add.fact(
                    FactKind.MUNICIPALITY,
                    e.municipality() == null ? null : e.municipality().value(),
                    e.occurredAt());
        } else if (event instanceof BaseDataCorrected e) {
            if (e.entryDate() != null) {
                facts.add(new Fact(FactKind.ENTRY, null, null, e.occurredAt(), e.entryDate(), recordedAt));
            }
            if (e.sex() != null) {
                add.fact(FactKind.SEX, code(e.sex()), e.occurredAt());
            }
            if (e.nationality() != null) {
                add.fact(FactKind.NATIONALITY, e.nationality().alpha3(), e.occurredAt());
            }
            if (e.ageBand() != null) {
                add.fact(FactKind.AGE_BAND, code(e.ageBand()), e.occurredAt());
            }
        } else if (event instanceof PersonMovedWithinDistrict e) {
            add.fact(FactKind.MOVED_WITHIN, e.municipality().value(), e.occurredAt());
        } else if (event instanceof PersonMovedAway e) {
            add.fact(FactKind.MOVED_AWAY, null, e.occurredAt());
        } else if (event instanceof ResidenceStatusChanged e) {
            add.fact(FactKind.RESIDENCE_STATUS, code(e.status()), e.occurredAt());
        } else if (event instanceof BenefitRegimeChanged e) {
            add.fact(FactKind.BENEFIT_REGIME, code(e.regime()), e.occurredAt());
        } else if (event instanceof LanguageLevelAssessed e) {
            add.fact(FactKind.LANGUAGE_LEVEL, code(e.level()), e.occurredAt());
        } else if (event instanceof CourseEnrolled e) {
            facts.add(new Fact(
                    FactKind.COURSE_ENROLLED,
                    code(e.courseType()),
                    episodeKey.apply(e.enrolmentId()),
                    e.occurredAt(),
                    e.startsOn(),
                    recordedAt));
        } else if (event instanceof CourseCompleted e) {
            UUID episode = episodeKey.apply(e.enrolmentId());
            facts.add(episodeFact(
                    FactKind.COURSE_COMPLETED, code(e.levelReached()), episode, e.occurredAt(), recordedAt));
            if (e.examResults() != null) {
                e.examResults()
                        .forEach(result -> facts.add(
                                episodeFact(FactKind.EXAM_RESULT, code(result), episode, e.occurredAt(), recordedAt)));
            }
        } else if (event instanceof CourseInterrupted e) {
            facts.add(episodeFact(
                    FactKind.COURSE_INTERRUPTED,
                    code(e.reason()),
                    episodeKey.apply(e.enrolmentId()),
                    e.occurredAt(),
                    recordedAt));
        } else if (event instanceof CourseResumed e) {
            facts.add(episodeFact(
                    FactKind.COURSE_RESUMED, null, episodeKey.apply(e.enrolmentId()), e.occurredAt(), recordedAt));
        } else if (event instanceof CourseDroppedOut e) {
            facts.add(episodeFact(
                    FactKind.COURSE_DROPPED_OUT,
                    code(e.reason()),
                    episodeKey.apply(e.enrolmentId()),
                    e.occurredAt(),
                    recordedAt));
        } else if (event instanceof EmploymentStarted e) {
            facts.add(episodeFact(
                    FactKind.EMPLOYMENT_STARTED,
                    code(e.kind()),
                    episodeKey.apply(e.employmentId()),
                    e.occurredAt(),
                    recordedAt));
        } else if (event instanceof EmploymentEnded e) {
            facts.add(episodeFact(
                    FactKind.EMPLOYMENT_ENDED, null, episodeKey.apply(e.employmentId()), e.occurredAt(), recordedAt));
        } else if (event instanceof SupportEnded e) {
            add.fact(FactKind.SUPPORT_ENDED, code(e.reason()), e.occurredAt());
        } else if (event instanceof SupportResumed e) {
            add.fact(FactKind.SUPPORT_RESUMED, null, e.occurredAt());
        }
        return facts;
    }

    private static Fact episodeFact(FactKind kind, String code, UUID episode, LocalDate day, Instant recordedAt) {
        return new Fact(kind, code, episode, day, null, recordedAt);
    }

    private static String code(Vocabulary value) {
        return value == null ? null : value.code();
    }

    @FunctionalInterface
    private interface Adder {
        void fact(FactKind kind, String code, LocalDate day);
    }
}
