package de.kiim.command.education;

import static java.util.Objects.requireNonNullElse;

import de.kiim.command.api.CommandDispatch;
import de.kiim.command.validation.Code;
import de.kiim.command.validation.Country;
import de.kiim.command.validation.Kldb;
import de.kiim.events.PersonId;
import de.kiim.events.vocabulary.CountryCode;
import de.kiim.events.vocabulary.IscedLevel;
import de.kiim.events.vocabulary.KldbCode;
import de.kiim.events.vocabulary.RecognitionOutcome;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.PositiveOrZero;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/persons/{personId}")
@Tag(name = "Education", description = "Schooling, recognition of qualifications, previous occupations")
class EducationController {

    private final CommandDispatch dispatch;

    EducationController(CommandDispatch dispatch) {
        this.dispatch = dispatch;
    }

    record SchoolingRequest(
            @Schema(example = "ISCED_3") @NotNull @Code(IscedLevel.class)
            String level,

            @Schema(description = "Years of schooling", example = "11") @PositiveOrZero @Max(30)
            Integer years,

            @Schema(description = "ISO 3166-1 country of the highest level", example = "SYR") @Country
            String country,

            @Schema(description = "Day recorded; today when absent") @PastOrPresent
            LocalDate recordedOn) {

        RecordSchooling toCommand(PersonId personId, LocalDate today) {
            return new RecordSchooling(
                    personId,
                    requireNonNullElse(recordedOn, today),
                    IscedLevel.valueOf(level),
                    years,
                    countryOf(country));
        }
    }

    record RecognitionRequest(
            @Schema(description = "KldB 2010 code of the German reference occupation", example = "81302") @NotNull @Kldb
            String referenceOccupation,

            @Schema(example = "PARTIAL") @NotNull @Code(RecognitionOutcome.class)
            String outcome,

            @Schema(description = "Day of the decision; today when absent") @PastOrPresent
            LocalDate decidedOn) {

        RecordRecognitionDecision toCommand(PersonId personId, LocalDate today) {
            return new RecordRecognitionDecision(
                    personId,
                    requireNonNullElse(decidedOn, today),
                    KldbCode.of(referenceOccupation),
                    RecognitionOutcome.valueOf(outcome));
        }
    }

    record PreviousOccupationRequest(
            @Schema(description = "KldB 2010 code", example = "25212") @NotNull @Kldb
            String occupation,

            @Schema(description = "Years of practice", example = "6") @PositiveOrZero @Max(60)
            Integer years,

            @Schema(description = "ISO 3166-1 country where it was practised", example = "SYR") @Country
            String country,

            @Schema(description = "Day recorded; today when absent") @PastOrPresent
            LocalDate recordedOn) {

        RecordPreviousOccupation toCommand(PersonId personId, LocalDate today) {
            return new RecordPreviousOccupation(
                    personId,
                    requireNonNullElse(recordedOn, today),
                    KldbCode.of(occupation),
                    years,
                    countryOf(country));
        }
    }

    @PostMapping("/schooling")
    @Operation(summary = "Record the person's schooling", description = "Appends SchoolingRecorded.")
    ResponseEntity<Void> recordSchooling(@PathVariable UUID personId, @Valid @RequestBody SchoolingRequest request) {
        return dispatch.send(request.toCommand(new PersonId(personId), dispatch.today()));
    }

    @PostMapping("/recognition-decisions")
    @Operation(
            summary = "Record a decision on the recognition of a foreign qualification",
            description = "Appends QualificationRecognitionDecided.")
    ResponseEntity<Void> recordRecognition(
            @PathVariable UUID personId, @Valid @RequestBody RecognitionRequest request) {
        return dispatch.send(request.toCommand(new PersonId(personId), dispatch.today()));
    }

    @PostMapping("/previous-occupations")
    @Operation(
            summary = "Record an occupation practised before coming to Germany",
            description = "Appends PreviousOccupationRecorded.")
    ResponseEntity<Void> recordPreviousOccupation(
            @PathVariable UUID personId, @Valid @RequestBody PreviousOccupationRequest request) {
        return dispatch.send(request.toCommand(new PersonId(personId), dispatch.today()));
    }

    private static CountryCode countryOf(String code) {
        return code == null ? null : CountryCode.of(code);
    }
}
