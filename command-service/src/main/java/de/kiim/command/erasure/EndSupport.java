package de.kiim.command.erasure;

import de.kiim.command.api.PersonCommand;
import de.kiim.events.PersonId;
import de.kiim.events.vocabulary.SupportEndReason;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** End support for a person (<em>Betreuung beenden</em>); schedules erasure after the reason's retention period. */
public record EndSupport(@TargetAggregateIdentifier PersonId personId, LocalDate endedOn, SupportEndReason reason)
        implements PersonCommand {

    @Override
    public LocalDate occurredOn() {
        return endedOn;
    }
}
