package de.kiim.events.education;

import de.kiim.events.Category;
import de.kiim.events.DataCategory;
import de.kiim.events.Label;
import de.kiim.events.PersonEvent;
import de.kiim.events.PersonId;
import de.kiim.events.privacy.DataSubjectId;
import de.kiim.events.vocabulary.CountryCode;
import de.kiim.events.vocabulary.KldbCode;
import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/**
 * An occupation the person practised before coming to Germany (<em>Vorberuf</em>).
 *
 * @param occurredAt the day it was recorded
 * @param years      years of practice, {@code null} when unknown
 * @param country    where it was practised, {@code null} when unknown
 */
@Revision("1")
@Label(de = "Vorberuf erfasst", en = "Previous occupation recorded")
@Category(DataCategory.EDUCATION)
public record PreviousOccupationRecorded(
        @DataSubjectId PersonId personId, LocalDate occurredAt, KldbCode occupation, Integer years, CountryCode country)
        implements PersonEvent {}
