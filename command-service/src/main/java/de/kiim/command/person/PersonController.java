package de.kiim.command.person;

import static java.util.Objects.requireNonNullElse;

import de.kiim.command.api.CommandDispatch;
import de.kiim.command.validation.Ags;
import de.kiim.command.validation.Code;
import de.kiim.command.validation.Country;
import de.kiim.command.validation.DateOrder;
import de.kiim.events.PersonId;
import de.kiim.events.vocabulary.CountryCode;
import de.kiim.events.vocabulary.MunicipalityCode;
import de.kiim.events.vocabulary.Sex;
import de.kiim.platform.web.FieldProblem;
import de.kiim.platform.web.InvalidRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.LocalDate;
import java.util.UUID;
import java.util.stream.Stream;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

@RestController
@RequestMapping("/api/v1/persons")
@Tag(name = "Persons", description = "Registration, base data and moves")
class PersonController {

    private final CommandDispatch dispatch;
    private final String queryServiceUrl;

    PersonController(
            CommandDispatch dispatch,
            @Value("${kiim.query-service.url:http://localhost:8082}") String queryServiceUrl) {
        this.dispatch = dispatch;
        this.queryServiceUrl = queryServiceUrl;
    }

    record Registered(String personId) {}

    record MoveRequest(
            @Schema(description = "Amtlicher Gemeindeschlüssel of the new municipality", example = "15085370")
            @NotNull
            @Ags
            String municipality,

            @Schema(description = "Day of the move; today when absent") @PastOrPresent
            LocalDate movedOn) {

        MovePerson toCommand(PersonId personId, LocalDate today) {
            return new MovePerson(personId, requireNonNullElse(movedOn, today), MunicipalityCode.of(municipality));
        }
    }

    record MoveAwayRequest(
            @Schema(
                    description = "Amtlicher Gemeindeschlüssel of the destination, if in Germany and known",
                    example = "03241001")
            @Ags
            String destination,

            @Schema(description = "Day of the move; today when absent") @PastOrPresent
            LocalDate movedOn) {

        MovePersonAway toCommand(PersonId personId, LocalDate today) {
            return new MovePersonAway(
                    personId,
                    requireNonNullElse(movedOn, today),
                    destination == null ? null : MunicipalityCode.of(destination));
        }
    }

    /** Only the fields to correct are sent; at least one. */
    @DateOrder(earlier = "dateOfBirth", later = "entryDate")
    record CorrectionRequest(
            @Schema(example = "Beispiel")
            @Size(max = 200)
            @Pattern(regexp = ".*\\S.*", message = "must not be blank when present")
            String familyName,

            @Schema(example = "Amal Noor")
            @Size(max = 200)
            @Pattern(regexp = ".*\\S.*", message = "must not be blank when present")
            String givenNames,

            @Schema(example = "1990-04-01") @PastOrPresent LocalDate dateOfBirth,
            @Schema(example = "FEMALE") @Code(Sex.class) String sex,

            @Schema(description = "ISO 3166-1 alpha-2 or alpha-3", example = "SYR") @Country
            String nationality,

            @Schema(example = "2023-09-15") @PastOrPresent LocalDate entryDate,

            @Schema(description = "AZR-Nummer, 12 digits", example = "123456789012")
            @Pattern(regexp = "\\d{12}", message = "must be 12 digits")
            String azrNumber) {

        CorrectBaseData toCommand(PersonId personId, LocalDate today) {
            return new CorrectBaseData(
                    personId,
                    today,
                    strip(familyName),
                    strip(givenNames),
                    dateOfBirth,
                    sex == null ? null : Sex.valueOf(sex),
                    nationality == null ? null : CountryCode.of(nationality),
                    entryDate,
                    azrNumber);
        }

        boolean correctsNothing() {
            return Stream.of(familyName, givenNames, dateOfBirth, sex, nationality, entryDate, azrNumber)
                    .allMatch(java.util.Objects::isNull);
        }
    }

    @PostMapping
    @Operation(
            summary = "Register a person",
            description = "Appends PersonRegistered. The Location header points to the person card on the query "
                    + "service. 409 person.likely-duplicate names the ids of persons with the same (folded) names "
                    + "and date of birth; 409 azr-number.registered the holder of the AZR number.")
    ResponseEntity<Registered> register(@Valid @RequestBody RegistrationRequest request) {
        PersonId personId = PersonId.random();
        RegisterPerson registration = request.toCommand(personId, dispatch.today());
        URI location = UriComponentsBuilder.fromUriString(queryServiceUrl)
                .path("/api/v1/persons/{id}")
                .buildAndExpand(personId.toString())
                .toUri();
        return dispatch.send(registration, HttpStatus.CREATED, location, new Registered(personId.toString()));
    }

    @PostMapping("/{personId}/base-data-corrections")
    @Operation(
            summary = "Correct base data (Art. 16 GDPR)",
            description = "Appends BaseDataCorrected with the fields sent; fields left out stay as they are.")
    ResponseEntity<Void> correct(@PathVariable UUID personId, @Valid @RequestBody CorrectionRequest request) {
        if (request.correctsNothing()) {
            throw new InvalidRequest(new FieldProblem("body", "must contain at least one field to correct"));
        }
        return dispatch.send(request.toCommand(new PersonId(personId), dispatch.today()));
    }

    @PostMapping("/{personId}/moves")
    @Operation(summary = "Record a move within the district", description = "Appends PersonMovedWithinDistrict.")
    ResponseEntity<Void> move(@PathVariable UUID personId, @Valid @RequestBody MoveRequest request) {
        return dispatch.send(request.toCommand(new PersonId(personId), dispatch.today()));
    }

    @PostMapping("/{personId}/move-away")
    @Operation(
            summary = "Record that the person left the district",
            description = "Appends PersonMovedAway; " + "409 when they have already left.")
    ResponseEntity<Void> moveAway(@PathVariable UUID personId, @Valid @RequestBody MoveAwayRequest request) {
        return dispatch.send(request.toCommand(new PersonId(personId), dispatch.today()));
    }

    private static String strip(String value) {
        return value == null ? null : value.strip();
    }
}
