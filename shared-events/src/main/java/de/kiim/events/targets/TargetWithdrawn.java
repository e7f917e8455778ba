package de.kiim.events.targets;

import de.kiim.events.Label;
import de.kiim.events.vocabulary.TargetReason;
import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/** A target no longer holds (<em>Zielvorgabe zurückgenommen</em>), e.g. because the Kreistag set a new one. */
@Revision("1")
@Label(de = "Zielvorgabe zurückgenommen", en = "Target withdrawn")
public record TargetWithdrawn(UUID targetId, TargetReason reason, String reference, LocalDate occurredAt)
        implements TargetEvent {}
