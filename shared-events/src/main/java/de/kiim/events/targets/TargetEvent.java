package de.kiim.events.targets;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A change of the district's targets for its indicators (<em>Zielvorgaben</em>): set or withdrawn by a data steward.
 * About no person, so it has no data category and no personal data; its stream is the target's.
 */
public interface TargetEvent {

    UUID targetId();

    /** The day it took effect. */
    LocalDate occurredAt();
}
