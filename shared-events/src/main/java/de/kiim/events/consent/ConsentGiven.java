package de.kiim.events.consent;

import de.kiim.events.Category;
import de.kiim.events.DataCategory;
import de.kiim.events.Label;
import de.kiim.events.PersonEvent;
import de.kiim.events.PersonId;
import de.kiim.events.privacy.DataSubjectId;
import de.kiim.events.privacy.PersonalData;
import de.kiim.events.vocabulary.ConsentPurpose;
import de.kiim.events.vocabulary.LegalBasis;
import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/**
 * The person consented to an agency receiving their data for a purpose (<em>Einwilligung</em>, Art. 6(1)(a) and
 * Art. 7 GDPR). While it stands, the recipient agency sees the person within its entitlements.
 *
 * @param occurredAt        the day the consent was given
 * @param recipientAgency   the id of the agency that may receive the data
 * @param evidenceReference where the signed consent is kept, e.g. a file number; {@code null} when none
 */
@Revision("1")
@Label(de = "Einwilligung erteilt", en = "Consent given")
@Category(DataCategory.CONSENT)
public record ConsentGiven(
        @DataSubjectId PersonId personId,
        LocalDate occurredAt,
        ConsentPurpose purpose,
        String recipientAgency,
        LegalBasis legalBasis,
        @PersonalData String evidenceReference)
        implements PersonEvent {}
