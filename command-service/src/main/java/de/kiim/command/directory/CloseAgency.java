package de.kiim.command.directory;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Close an agency (<em>Stelle schließen</em>): its users are refused and it sees no person any more. */
public record CloseAgency(@TargetAggregateIdentifier String agencyId, LocalDate occurredOn) {}
