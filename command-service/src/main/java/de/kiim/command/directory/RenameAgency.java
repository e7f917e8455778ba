package de.kiim.command.directory;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Give an open agency a new name (<em>Stelle umbenennen</em>). */
public record RenameAgency(@TargetAggregateIdentifier String agencyId, String name, LocalDate occurredOn) {}
