package de.kiim.events.erasure;

import de.kiim.events.Category;
import de.kiim.events.DataCategory;
import de.kiim.events.Label;
import de.kiim.events.PersonEvent;
import de.kiim.events.PersonId;
import de.kiim.events.privacy.DataSubjectId;
import de.kiim.events.vocabulary.SupportEndReason;
import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/**
 * The proof of erasure (<em>Löschnachweis</em>): the person's data key was destroyed in the same transaction that
 * appended this event, so every personal field of theirs is unreadable from now on. Who erased, and when, is in the
 * event's metadata; the event itself holds no personal data. Read models delete the person's rows on it.
 */
@Revision("1")
@Label(de = "Personendaten gelöscht", en = "Personal data erased")
@Category(DataCategory.BASE_DATA)
public record PersonDataErased(@DataSubjectId PersonId personId, LocalDate occurredAt, SupportEndReason reason)
        implements PersonEvent {}
