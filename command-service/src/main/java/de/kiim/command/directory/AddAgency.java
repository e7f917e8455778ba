package de.kiim.command.directory;

import de.kiim.events.vocabulary.AgencyKind;
import de.kiim.events.vocabulary.MunicipalityCode;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** Add an agency to the directory (<em>Stelle aufnehmen</em>). */
public record AddAgency(@TargetAggregateIdentifier String agencyId, String name, AgencyKind kind,
                        MunicipalityCode municipality, LocalDate occurredOn) {
}
