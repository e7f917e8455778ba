package de.kiim.events.consent;

import de.kiim.events.Category;
import de.kiim.events.DataCategory;
import de.kiim.events.Label;
import de.kiim.events.PersonEvent;
import de.kiim.events.PersonId;
import de.kiim.events.privacy.DataSubjectId;
import de.kiim.events.vocabulary.LegalBasis;
import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/**
 * The person's case was shared with an agency on a legal basis other than consent (<em>Fallfreigabe</em>), e.g. a
 * transfer under § 69 SGB X. The agency sees the person within its entitlements until access ends.
 *
 * @param occurredAt the day access begins
 * @param agency     the id of the agency that gets access
 */
@Revision("1")
@Label(de = "Fall für Stelle freigegeben", en = "Case shared with an agency")
@Category(DataCategory.CONSENT)
public record CaseSharedWithAgency(
        @DataSubjectId PersonId personId, LocalDate occurredAt, String agency, LegalBasis legalBasis)
        implements PersonEvent {}
