package de.kiim.command.course;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import de.kiim.events.course.CourseCompleted;
import de.kiim.events.course.CourseDroppedOut;
import de.kiim.events.course.CourseEnrolled;
import de.kiim.events.course.CourseInterrupted;
import de.kiim.events.course.CourseResumed;
import de.kiim.events.vocabulary.CourseType;
import de.kiim.platform.web.RuleViolation;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.EntityId;

/**
 * One participation of the person in a course (<em>Kursteilnahme</em>), from enrolment to completion or drop-out.
 * It may be interrupted and resumed any number of times; once finished, it takes no further step.
 */
public class CourseParticipation {

    private enum State {
        ACTIVE,
        INTERRUPTED,
        FINISHED
    }

    @EntityId
    private final UUID enrolmentId;

    private final CourseType courseType;
    private final LocalDate startsOn;
    private final String providerAgency;
    private State state = State.ACTIVE;
    private LocalDate interruptedOn;

    public CourseParticipation(CourseEnrolled enrolment) {
        this.enrolmentId = enrolment.enrolmentId();
        this.courseType = enrolment.courseType();
        this.startsOn = enrolment.startsOn();
        this.providerAgency = enrolment.providerAgency();
    }

    /** The agency that provides the course: the only one that records its steps. */
    public String providerAgency() {
        return providerAgency;
    }

    public CourseType courseType() {
        return courseType;
    }

    /** Whether the participation still runs: enrolled or interrupted, not completed or dropped out. */
    public boolean isOngoing() {
        return state != State.FINISHED;
    }

    @CommandHandler
    void handle(InterruptCourse command) {
        requireNotBeforeStart(command.occurredOn());
        switch (state) {
            case INTERRUPTED ->
                throw RuleViolation.conflict(
                        "course.already-interrupted", "The course is already interrupted; resume it first.");
            case FINISHED -> throw finished();
            case ACTIVE ->
                apply(new CourseInterrupted(command.personId(), enrolmentId, command.occurredOn(), command.reason()));
        }
    }

    @CommandHandler
    void handle(ResumeCourse command) {
        if (state != State.INTERRUPTED) {
            throw RuleViolation.conflict("course.not-interrupted", "Only an interrupted course can be resumed.");
        }
        if (command.occurredOn().isBefore(interruptedOn)) {
            throw RuleViolation.unprocessable(
                    "course.resumed-before-interruption",
                    "A course cannot be resumed before the day it was interrupted.");
        }
        apply(new CourseResumed(command.personId(), enrolmentId, command.occurredOn()));
    }

    @CommandHandler
    void handle(CompleteCourse command) {
        switch (state) {
            case INTERRUPTED ->
                throw RuleViolation.conflict(
                        "course.interrupted", "An interrupted course must be resumed before it can be completed.");
            case FINISHED -> throw finished();
            case ACTIVE -> {
                if (command.occurredOn().isBefore(startsOn)) {
                    throw RuleViolation.unprocessable(
                            "course.completed-before-start", "A course cannot be completed before it starts.");
                }
                apply(new CourseCompleted(
                        command.personId(),
                        enrolmentId,
                        command.occurredOn(),
                        command.examResults().stream().sorted().toList(),
                        command.levelReached()));
            }
        }
    }

    @CommandHandler
    void handle(DropOutOfCourse command) {
        if (state == State.FINISHED) {
            throw finished();
        }
        requireNotBeforeStart(command.occurredOn());
        apply(new CourseDroppedOut(command.personId(), enrolmentId, command.occurredOn(), command.reason()));
    }

    private void requireNotBeforeStart(LocalDate day) {
        if (day.isBefore(startsOn)) {
            throw RuleViolation.unprocessable(
                    "course.before-start", "This step cannot happen before the course starts.");
        }
    }

    private static RuleViolation finished() {
        return RuleViolation.conflict("course.finished", "The course was already completed or dropped out of.");
    }

    @EventSourcingHandler
    void on(CourseInterrupted event) {
        state = State.INTERRUPTED;
        interruptedOn = event.occurredAt();
    }

    @EventSourcingHandler
    void on(CourseResumed event) {
        state = State.ACTIVE;
    }

    @EventSourcingHandler
    void on(CourseCompleted event) {
        state = State.FINISHED;
    }

    @EventSourcingHandler
    void on(CourseDroppedOut event) {
        state = State.FINISHED;
    }

    /** Value equality: Axon's test fixture compares the state built by handlers with the state sourced again. */
    @Override
    public boolean equals(Object other) {
        return other instanceof CourseParticipation that
                && enrolmentId.equals(that.enrolmentId)
                && courseType == that.courseType
                && startsOn.equals(that.startsOn)
                && state == that.state
                && Objects.equals(interruptedOn, that.interruptedOn);
    }

    @Override
    public int hashCode() {
        return enrolmentId.hashCode();
    }
}
