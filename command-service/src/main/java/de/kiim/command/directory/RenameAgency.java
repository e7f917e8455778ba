package de.kiim.command.directory;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** Give an open agency a new name (<em>Stelle umbenennen</em>). */
public record RenameAgency(@TargetAggregateIdentifier String agencyId, String name, LocalDate occurredOn) {
}
