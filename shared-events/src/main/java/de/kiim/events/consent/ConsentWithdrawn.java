package de.kiim.events.consent;

import de.kiim.events.Category;
import de.kiim.events.DataCategory;
import de.kiim.events.Label;
import de.kiim.events.PersonEvent;
import de.kiim.events.PersonId;
import de.kiim.events.privacy.DataSubjectId;
import de.kiim.events.vocabulary.ConsentPurpose;
import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/**
 * The person withdrew a consent (<em>Widerruf der Einwilligung</em>, Art. 7(3) GDPR); the recipient agency loses
 * what it saw by that consent alone.
 *
 * @param occurredAt      the day of the withdrawal
 * @param recipientAgency the id of the agency the consent was for
 */
@Revision("1")
@Label(de = "Einwilligung widerrufen", en = "Consent withdrawn")
@Category(DataCategory.CONSENT)
public record ConsentWithdrawn(
        @DataSubjectId PersonId personId, LocalDate occurredAt, ConsentPurpose purpose, String recipientAgency)
        implements PersonEvent {}
