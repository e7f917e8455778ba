package de.kiim.command.person;

import com.fasterxml.jackson.annotation.JsonInclude;
import de.kiim.command.validation.Ags;
import de.kiim.command.validation.Code;
import de.kiim.command.validation.Country;
import de.kiim.command.validation.DateOrder;
import de.kiim.events.PersonId;
import de.kiim.events.vocabulary.CountryCode;
import de.kiim.events.vocabulary.MunicipalityCode;
import de.kiim.events.vocabulary.Sex;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The body of {@code POST /api/v1/persons}. Vocabulary codes arrive as strings and are checked by validation, so a
 * client learns about every bad field in one answer.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@DateOrder(earlier = "dateOfBirth", later = "entryDate")
@DateOrder(earlier = "entryDate", later = "registeredOn")
public record RegistrationRequest(
        @Schema(example = "Beispiel") @NotBlank @Size(max = 200)
        String familyName,

        @Schema(description = "Empty for persons registered without given names (ohne Vornamen)", example = "Amal")
        @Pattern(regexp = ".*\\S.*", message = "must not be blank when present")
        @Size(max = 200)
        String givenNames,

        @Schema(example = "1990-04-01") @NotNull @PastOrPresent
        LocalDate dateOfBirth,

        @Schema(
                example = "FEMALE",
                allowableValues = {"MALE", "FEMALE", "DIVERSE", "UNSPECIFIED"})
        @NotNull
        @Code(Sex.class)
        String sex,

        @Schema(description = "ISO 3166-1 alpha-2 or alpha-3", example = "SYR") @NotNull @Country
        String nationality,

        @Schema(example = "2023-09-15") @NotNull @PastOrPresent
        LocalDate entryDate,

        @Schema(description = "AZR-Nummer, 12 digits", example = "123456789012")
        @Pattern(regexp = "\\d{12}", message = "must be 12 digits")
        String azrNumber,

        @Schema(description = "Amtlicher Gemeindeschlüssel", example = "15085135") @NotNull @Ags
        String municipality,

        @Schema(description = "Day of registration; today when absent") @PastOrPresent
        LocalDate registeredOn,

        @Schema(
                description = "Ids of the candidates of an earlier answer 409 person.likely-duplicate that this "
                        + "person is not")
        @Size(max = 20)
        List<@NotNull UUID> confirmedDistinctFrom) {

    public List<UUID> confirmedDistinct() {
        return confirmedDistinctFrom == null ? List.of() : confirmedDistinctFrom;
    }

    public RegisterPerson toCommand(PersonId personId, LocalDate today) {
        return new RegisterPerson(
                personId,
                registeredOn == null ? today : registeredOn,
                familyName.strip(),
                givenNames == null ? null : givenNames.strip(),
                dateOfBirth,
                Sex.valueOf(sex),
                CountryCode.of(nationality),
                entryDate,
                azrNumber,
                MunicipalityCode.of(municipality),
                confirmedDistinct());
    }
}
