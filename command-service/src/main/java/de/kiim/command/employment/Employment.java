package de.kiim.command.employment;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import de.kiim.events.employment.EmploymentEnded;
import de.kiim.events.employment.EmploymentStarted;
import de.kiim.platform.web.RuleViolation;
import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.EntityId;

/** One job or apprenticeship of the person (<em>Beschäftigungsverhältnis</em>): started once, ended once. */
public class Employment {

    @EntityId
    private final UUID employmentId;

    private final LocalDate startedOn;
    private boolean ended;

    public Employment(EmploymentStarted start) {
        this.employmentId = start.employmentId();
        this.startedOn = start.occurredAt();
    }

    @CommandHandler
    void handle(EndEmployment command) {
        if (ended) {
            throw RuleViolation.conflict("employment.already-ended", "This employment has already ended.");
        }
        if (command.occurredOn().isBefore(startedOn)) {
            throw RuleViolation.unprocessable(
                    "employment.end-before-start", "An employment cannot end before it started.");
        }
        apply(new EmploymentEnded(command.personId(), employmentId, command.occurredOn(), command.reason()));
    }

    @EventSourcingHandler
    void on(EmploymentEnded event) {
        ended = true;
    }

    /** Value equality: Axon's test fixture compares the state built by handlers with the state sourced again. */
    @Override
    public boolean equals(Object other) {
        return other instanceof Employment that
                && employmentId.equals(that.employmentId)
                && startedOn.equals(that.startedOn)
                && ended == that.ended;
    }

    @Override
    public int hashCode() {
        return employmentId.hashCode();
    }
}
