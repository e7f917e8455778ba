package de.kiim.command.targets;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import de.kiim.events.targets.TargetSet;
import de.kiim.events.targets.TargetWithdrawn;
import de.kiim.platform.web.RuleViolation;
import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A target for an indicator (<em>Zielvorgabe</em>), set and possibly withdrawn by data stewards. A changed target is
 * a new one: the old one is withdrawn, so that every report can say which target held when.
 */
@Aggregate
public class Target {

    @AggregateIdentifier
    private UUID targetId;

    private LocalDate setOn;
    private boolean withdrawn;

    protected Target() {
        // for Axon's event sourcing
    }

    @CommandHandler
    public Target(SetTarget command) {
        apply(new TargetSet(
                command.targetId(),
                command.indicator(),
                command.options(),
                command.figure(),
                command.cohort(),
                command.comparison(),
                command.value(),
                command.reason(),
                command.reference(),
                command.occurredOn()));
    }

    /** Created if missing only to answer an unknown target with a problem of its own, not as a person's 404. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(WithdrawTarget command) {
        if (targetId == null) {
            throw RuleViolation.notFound("target.unknown", "No target with this id.");
        }
        if (withdrawn) {
            throw RuleViolation.conflict("target.withdrawn", "The target has already been withdrawn.");
        }
        if (command.occurredOn().isBefore(setOn)) {
            throw RuleViolation.unprocessable(
                    "target.withdrawn-before-set", "A target cannot be withdrawn before the day it was set.");
        }
        apply(new TargetWithdrawn(targetId, command.reason(), command.reference(), command.occurredOn()));
    }

    @EventSourcingHandler
    void on(TargetSet event) {
        this.targetId = event.targetId();
        this.setOn = event.occurredAt();
    }

    @EventSourcingHandler
    void on(TargetWithdrawn event) {
        this.withdrawn = true;
    }
}
