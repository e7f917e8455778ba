package de.kiim.command.directory;

import de.kiim.events.vocabulary.AgencyKind;
import de.kiim.events.vocabulary.MunicipalityCode;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Add an agency to the directory (<em>Stelle aufnehmen</em>). */
public record AddAgency(
        @TargetAggregateIdentifier String agencyId,
        String name,
        AgencyKind kind,
        MunicipalityCode municipality,
        LocalDate occurredOn) {}
