package de.kiim.query.personcard;

import java.time.LocalDate;
import java.util.UUID;

/** The current base data of a person (<em>Stammdaten</em>), as shown at the top of a case. */
public record PersonCard(UUID personId, String familyName, String givenNames, LocalDate dateOfBirth, String sex,
                         String nationality, LocalDate entryDate, String azrNumber, String municipality,
                         LocalDate registeredOn, String registeredBy, long version) {
}
