package de.kiim.events.residence;

import de.kiim.events.Category;
import de.kiim.events.DataCategory;
import de.kiim.events.Label;
import de.kiim.events.PersonEvent;
import de.kiim.events.PersonId;
import de.kiim.events.privacy.DataSubjectId;
import de.kiim.events.vocabulary.ResidenceStatus;
import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/**
 * The foreigners' authority granted, extended or changed the person's residence status (<em>Änderung des
 * Aufenthaltsstatus</em>).
 *
 * @param occurredAt the day the status takes effect (valid from)
 * @param validUntil the day it expires, {@code null} for unlimited titles
 */
@Revision("1")
@Label(de = "Aufenthaltsstatus geändert", en = "Residence status changed")
@Category(DataCategory.RESIDENCE)
public record ResidenceStatusChanged(
        @DataSubjectId PersonId personId, LocalDate occurredAt, ResidenceStatus status, LocalDate validUntil)
        implements PersonEvent {}
