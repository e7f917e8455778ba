package de.kiim.command.person;

import de.kiim.command.api.PersonCommand;
import de.kiim.events.PersonId;
import de.kiim.events.vocabulary.CountryCode;
import de.kiim.events.vocabulary.MunicipalityCode;
import de.kiim.events.vocabulary.Sex;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Register a newcomer in the district (<em>Person erfassen</em>). The caller has already validated the input.
 *
 * @param confirmedDistinctFrom ids of likely duplicates the caller confirmed this person is not
 */
public record RegisterPerson(
        @TargetAggregateIdentifier PersonId personId,
        LocalDate registeredOn,
        String familyName,
        String givenNames,
        LocalDate dateOfBirth,
        Sex sex,
        CountryCode nationality,
        LocalDate entryDate,
        String azrNumber,
        MunicipalityCode municipality,
        List<UUID> confirmedDistinctFrom)
        implements PersonCommand {

    public RegisterPerson {
        confirmedDistinctFrom = List.copyOf(confirmedDistinctFrom);
    }

    @Override
    public LocalDate occurredOn() {
        return registeredOn;
    }
}
