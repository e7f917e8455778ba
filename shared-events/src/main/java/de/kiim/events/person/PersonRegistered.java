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
import de.kiim.events.vocabulary.MunicipalityCode;
import de.kiim.events.vocabulary.Sex;
import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/**
 * A newcomer was registered in the district (<em>Erfassung</em>), usually by the foreigners' authority from an
 * extract of the central register of foreigners (AZR). Names, the exact birth date and the AZR number identify
 * the person and are personal data; sex, nationality, entry date and municipality stay in clear so that cohort
 * statistics survive erasure.
 *
 * @param occurredAt the day of registration
 * @param azrNumber  the AZR number (<em>AZR-Nummer</em>), or {@code null} when not known
 * @param ageBand    the age on the entry date in bands, in clear for statistics (revision 2; {@code null} in
 *                   revision 1 events, which did not record it)
 */
@Revision("2")
@Label(de = "Person erfasst", en = "Person registered")
@Category(DataCategory.BASE_DATA)
public record PersonRegistered(
        @DataSubjectId PersonId personId,
        LocalDate occurredAt,
        @PersonalData String familyName,
        @PersonalData String givenNames,
        @PersonalData LocalDate dateOfBirth,
        Sex sex,
        CountryCode nationality,
        LocalDate entryDate,
        @PersonalData String azrNumber,
        MunicipalityCode municipality,
        AgeBand ageBand)
        implements PersonEvent {}
