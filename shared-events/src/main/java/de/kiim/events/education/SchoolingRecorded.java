package de.kiim.events.education;

import de.kiim.events.Category;
import de.kiim.events.DataCategory;
import de.kiim.events.Label;
import de.kiim.events.PersonEvent;
import de.kiim.events.PersonId;
import de.kiim.events.privacy.DataSubjectId;
import de.kiim.events.vocabulary.CountryCode;
import de.kiim.events.vocabulary.IscedLevel;
import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/**
 * The person's school education, usually from abroad (<em>Schulbildung erfasst</em>).
 *
 * @param occurredAt the day it was recorded
 * @param years      years of schooling, {@code null} when unknown
 * @param country    where the highest level was reached, {@code null} when unknown
 */
@Revision("1")
@Label(de = "Schulbildung erfasst", en = "Schooling recorded")
@Category(DataCategory.EDUCATION)
public record SchoolingRecorded(
        @DataSubjectId PersonId personId, LocalDate occurredAt, IscedLevel level, Integer years, CountryCode country)
        implements PersonEvent {}
