package de.kiim.command.erasure;

import de.kiim.command.api.PersonCommand;
import de.kiim.events.PersonId;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Resume support within the grace period after it ended (<em>Betreuung wieder aufnehmen</em>). */
public record ResumeSupport(@TargetAggregateIdentifier PersonId personId, LocalDate occurredOn)
        implements PersonCommand {}
