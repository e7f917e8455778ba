package de.kiim.query.personcard;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.UUID;

/**
 * The current base data and situation of a person (<em>Stammdaten</em>), as shown at the top of a case.
 *
 * @param labels  names for people of the coded fields, in the language asked for
 * @param version the sequence number of the person's last event, answered as {@code ETag} for {@code If-Match}
 */
public record PersonCard(
        UUID personId,
        String familyName,
        String givenNames,
        LocalDate dateOfBirth,
        String sex,
        String nationality,
        LocalDate entryDate,
        String azrNumber,
        String municipality,
        LocalDate registeredOn,
        String registeredBy,
        String residenceStatus,
        LocalDate residenceValidUntil,
        String benefitRegime,
        LocalDate movedAwayOn,
        JsonNode labels,
        @JsonIgnore long version) {}
