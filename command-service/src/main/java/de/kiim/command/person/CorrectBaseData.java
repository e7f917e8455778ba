package de.kiim.command.person;

import de.kiim.command.api.PersonCommand;
import de.kiim.events.PersonId;
import de.kiim.events.vocabulary.CountryCode;
import de.kiim.events.vocabulary.Sex;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Correct base data recorded wrongly (<em>Stammdaten berichtigen</em>); {@code null} fields stay as they are. */
public record CorrectBaseData(
        @TargetAggregateIdentifier PersonId personId,
        LocalDate occurredOn,
        String familyName,
        String givenNames,
        LocalDate dateOfBirth,
        Sex sex,
        CountryCode nationality,
        LocalDate entryDate,
        String azrNumber)
        implements PersonCommand {

    /** A corrected birth date is checked against the entry date by the aggregate; the day itself needs no check. */
    @Override
    public List<LocalDate> datesToCheck() {
        return List.of();
    }
}
