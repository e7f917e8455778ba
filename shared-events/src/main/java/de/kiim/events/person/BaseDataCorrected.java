package de.kiim.events.person;

import de.kiim.events.Category;
import de.kiim.events.DataCategory;
import de.kiim.events.Label;
import de.kiim.events.PersonEvent;
import de.kiim.events.PersonId;
import de.kiim.events.privacy.DataSubjectId;
import de.kiim.events.privacy.PersonalData;
import de.kiim.events.vocabulary.AgeBand;
import de.kiim.events.vocabulary.CountryCode;
import de.kiim.events.vocabulary.Sex;
import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/**
 * Base data recorded at registration was wrong and has been corrected (<em>Stammdaten berichtigt</em>, Art. 16
 * GDPR). Only the corrected fields are set; a {@code null} field is unchanged.
 *
 * @param occurredAt the day of the correction
 * @param ageBand    the age band on the entry date, set when the birth date or entry date is corrected (revision 2)
 */
@Revision("2")
@Label(de = "Stammdaten berichtigt", en = "Base data corrected")
@Category(DataCategory.BASE_DATA)
public record BaseDataCorrected(
        @DataSubjectId PersonId personId,
        LocalDate occurredAt,
        @PersonalData String familyName,
        @PersonalData String givenNames,
        @PersonalData LocalDate dateOfBirth,
        Sex sex,
        CountryCode nationality,
        LocalDate entryDate,
        @PersonalData String azrNumber,
        AgeBand ageBand)
        implements PersonEvent {}
