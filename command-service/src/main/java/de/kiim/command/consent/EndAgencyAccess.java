package de.kiim.command.consent;

import de.kiim.command.api.PersonCommand;
import de.kiim.events.PersonId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** End an agency's access granted by sharing the case (<em>Fallfreigabe beenden</em>). */
public record EndAgencyAccess(
        @TargetAggregateIdentifier PersonId personId,
        LocalDate occurredOn,
        String agency) implements PersonCommand {
}
