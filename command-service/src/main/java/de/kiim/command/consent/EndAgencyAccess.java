package de.kiim.command.consent;

import de.kiim.command.api.PersonCommand;
import de.kiim.events.PersonId;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** End an agency's access granted by sharing the case (<em>Fallfreigabe beenden</em>). */
public record EndAgencyAccess(@TargetAggregateIdentifier PersonId personId, LocalDate occurredOn, String agency)
        implements PersonCommand {}
