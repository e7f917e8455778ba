package de.kiim.command.directory;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** Close an agency (<em>Stelle schließen</em>): its users are refused and it sees no person any more. */
public record CloseAgency(@TargetAggregateIdentifier String agencyId, LocalDate occurredOn) {
}
