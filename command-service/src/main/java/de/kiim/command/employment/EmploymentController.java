package de.kiim.command.employment;

import static java.util.Objects.requireNonNullElse;

import de.kiim.command.api.CommandDispatch;
import de.kiim.command.validation.Code;
import de.kiim.command.validation.Kldb;
import de.kiim.events.PersonId;
import de.kiim.events.vocabulary.EmploymentEndReason;
import de.kiim.events.vocabulary.EmploymentKind;
import de.kiim.events.vocabulary.KldbCode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Positive;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/persons/{personId}/employments")
@Tag(name = "Employment", description = "Jobs and apprenticeships")
class EmploymentController {

    private final CommandDispatch dispatch;

    EmploymentController(CommandDispatch dispatch) {
        this.dispatch = dispatch;
    }

    record StartRequest(
            @Schema(description = "KldB 2010 code of the occupation", example = "52122") @NotNull @Kldb
            String occupation,

            @Schema(example = "EMPLOYMENT") @NotNull @Code(EmploymentKind.class)
            String kind,

            @Schema(description = "Agreed hours per week", example = "39") @Positive @Max(60)
            Integer weeklyHours,

            @Schema(description = "First working day; today when absent") @PastOrPresent
            LocalDate startedOn) {

        StartEmployment toCommand(PersonId personId, UUID employmentId, LocalDate today) {
            return new StartEmployment(
                    personId,
                    employmentId,
                    requireNonNullElse(startedOn, today),
                    KldbCode.of(occupation),
                    EmploymentKind.valueOf(kind),
                    weeklyHours);
        }
    }

    record Started(String employmentId) {}

    record EndRequest(
            @Schema(example = "FIXED_TERM_EXPIRED") @NotNull @Code(EmploymentEndReason.class)
            String reason,

            @Schema(description = "Last working day; today when absent") @PastOrPresent
            LocalDate endedOn) {

        EndEmployment toCommand(PersonId personId, UUID employmentId, LocalDate today) {
            return new EndEmployment(
                    personId, employmentId, requireNonNullElse(endedOn, today), EmploymentEndReason.valueOf(reason));
        }
    }

    @PostMapping
    @Operation(
            summary = "Record that the person took up work",
            description = "Appends EmploymentStarted. The answer's employmentId names the employment when it ends.")
    ResponseEntity<Started> start(@PathVariable UUID personId, @Valid @RequestBody StartRequest request) {
        UUID employmentId = UUID.randomUUID();
        return dispatch.send(
                request.toCommand(new PersonId(personId), employmentId, dispatch.today()),
                HttpStatus.CREATED,
                null,
                new Started(employmentId.toString()));
    }

    @PostMapping("/{employmentId}/end")
    @Operation(
            summary = "Record that an employment ended",
            description = "Appends EmploymentEnded; 422 when it would end before it started, 409 when it has "
                    + "already ended.")
    ResponseEntity<Void> end(
            @PathVariable UUID personId, @PathVariable UUID employmentId, @Valid @RequestBody EndRequest request) {
        return dispatch.send(request.toCommand(new PersonId(personId), employmentId, dispatch.today()));
    }
}
