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

/** A legal hold no longer applies (<em>Löschsperre aufgehoben</em>). */
@Revision("1")
@Label(de = "Löschsperre aufgehoben", en = "Legal hold lifted")
@Category(DataCategory.BASE_DATA)
public record LegalHoldLifted(@DataSubjectId PersonId personId, LocalDate occurredAt, LegalHoldGround ground)
        implements PersonEvent {}
