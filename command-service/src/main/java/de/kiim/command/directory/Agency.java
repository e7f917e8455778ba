package de.kiim.command.directory;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import de.kiim.events.directory.AgencyAdded;
import de.kiim.events.directory.AgencyClosed;
import de.kiim.events.directory.AgencyRenamed;
import de.kiim.events.directory.DirectoryEvent;
import de.kiim.platform.web.RuleViolation;
import java.time.LocalDate;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * An agency of the directory, whose stream records its changes. The directory table is the state its rules read,
 * not the stream: agencies the DBA entered before the directory API existed have a row and no stream, and are
 * renamed and closed like any other (their stream begins with that change).
 */
@Aggregate
public class Agency {

    @AggregateIdentifier
    private String agencyId;
    /** The day of the stream's last change; null for an agency entered by the DBA, until its first change. */
    private LocalDate lastChangeOn;

    protected Agency() {
        // for Axon's event sourcing
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(AddAgency command, DirectoryTable directory) {
        if (!directory.add(
                command.agencyId(),
                command.name(),
                command.kind(),
                command.municipality().value())) {
            throw RuleViolation.conflict(
                    "agency.id-taken", "An agency with this id is or was in the directory; ids are never given twice.");
        }
        apply(new AgencyAdded(
                command.agencyId(), command.name(), command.kind(), command.municipality(), command.occurredOn()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(RenameAgency command, DirectoryTable directory) {
        var agency = openAgency(command.agencyId(), directory);
        requireNotBeforeLastChange(command.occurredOn());
        if (agency.name().equals(command.name())) {
            throw RuleViolation.conflict("agency.name-unchanged", "The agency already has this name.");
        }
        directory.rename(command.agencyId(), command.name());
        apply(new AgencyRenamed(command.agencyId(), command.name(), command.occurredOn()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(CloseAgency command, DirectoryTable directory) {
        openAgency(command.agencyId(), directory);
        requireNotBeforeLastChange(command.occurredOn());
        directory.close(command.agencyId(), command.occurredOn());
        apply(new AgencyClosed(command.agencyId(), command.occurredOn()));
    }

    private static DirectoryTable.Entry openAgency(String agencyId, DirectoryTable directory) {
        var agency = directory
                .lock(agencyId)
                .orElseThrow(() -> RuleViolation.notFound("agency.unknown", "No agency with this id."));
        if (!agency.isOpen()) {
            throw RuleViolation.conflict("agency.closed", "The agency is closed.");
        }
        return agency;
    }

    /** An agency is not renamed or closed before the day it was added, or before its last change. */
    private void requireNotBeforeLastChange(LocalDate day) {
        if (lastChangeOn != null && day.isBefore(lastChangeOn)) {
            throw RuleViolation.unprocessable(
                    "agency.dated-before-last-change",
                    "The change cannot be dated before the agency's last change (or its addition).");
        }
    }

    @EventSourcingHandler
    void on(DirectoryEvent event) {
        this.agencyId = event.agencyId();
        this.lastChangeOn = event.occurredAt();
    }
}
