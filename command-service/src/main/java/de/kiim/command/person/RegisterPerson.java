package de.kiim.command.person;

import de.kiim.command.api.PersonCommand;
import de.kiim.events.PersonId;
import de.kiim.events.vocabulary.CountryCode;
import de.kiim.events.vocabulary.MunicipalityCode;
import de.kiim.events.vocabulary.Sex;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** Register a newcomer in the district (<em>Person erfassen</em>). The caller has already validated the input. */
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
        MunicipalityCode municipality) implements PersonCommand {

    @Override
    public LocalDate occurredOn() {
        return registeredOn;
    }
}
