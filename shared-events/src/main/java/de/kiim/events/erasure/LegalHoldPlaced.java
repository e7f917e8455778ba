package de.kiim.events.erasure;

import de.kiim.events.Category;
import de.kiim.events.DataCategory;
import de.kiim.events.Label;
import de.kiim.events.PersonEvent;
import de.kiim.events.PersonId;
import de.kiim.events.privacy.DataSubjectId;
import de.kiim.events.vocabulary.LegalHoldGround;
import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** An Art. 17(3) GDPR ground blocks erasure of the person's data until lifted (<em>Löschsperre verhängt</em>). */
@Revision("1")
@Label(de = "Löschsperre verhängt", en = "Legal hold placed")
@Category(DataCategory.BASE_DATA)
public record LegalHoldPlaced(@DataSubjectId PersonId personId, LocalDate occurredAt, LegalHoldGround ground)
        implements PersonEvent {}
