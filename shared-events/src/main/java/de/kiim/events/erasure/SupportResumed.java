package de.kiim.events.erasure;

import de.kiim.events.Category;
import de.kiim.events.DataCategory;
import de.kiim.events.Label;
import de.kiim.events.PersonEvent;
import de.kiim.events.PersonId;
import de.kiim.events.privacy.DataSubjectId;
import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/**
 * Support for the person was resumed within the grace period after it ended (<em>Betreuung wieder aufgenommen</em>):
 * the erasure that the support end scheduled is cancelled.
 *
 * @param occurredAt the day support was resumed
 */
@Revision("1")
@Label(de = "Betreuung wieder aufgenommen", en = "Support resumed")
@Category(DataCategory.BASE_DATA)
public record SupportResumed(@DataSubjectId PersonId personId, LocalDate occurredAt) implements PersonEvent {}
