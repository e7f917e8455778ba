package de.kiim.command.erasure;

import static java.util.Objects.requireNonNullElse;

import de.kiim.command.api.CommandDispatch;
import de.kiim.command.validation.Code;
import de.kiim.events.PersonId;
import de.kiim.events.vocabulary.LegalHoldGround;
import de.kiim.events.vocabulary.SupportEndReason;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/persons/{personId}")
@Tag(name = "End of support and erasure", description = "Support end, legal holds, crypto-shredding")
class ErasureController {

    private final CommandDispatch dispatch;

    ErasureController(CommandDispatch dispatch) {
        this.dispatch = dispatch;
    }

    record SupportEndRequest(
            @Schema(example = "LEFT_GERMANY") @NotNull @Code(SupportEndReason.class)
            String reason,

            @Schema(description = "Day support ended; today when absent") @PastOrPresent
            LocalDate endedOn) {

        EndSupport toCommand(PersonId personId, LocalDate today) {
            return new EndSupport(personId, requireNonNullElse(endedOn, today), SupportEndReason.valueOf(reason));
        }
    }

    record LegalHoldRequest(
            @Schema(example = "LEGAL_CLAIMS") @NotNull @Code(LegalHoldGround.class)
            String ground) {

        PlaceLegalHold toCommand(PersonId personId, LocalDate today) {
            return new PlaceLegalHold(personId, today, LegalHoldGround.valueOf(ground));
        }
    }

    record ErasureRequest(
            @Schema(example = "DATA_SUBJECT_REQUEST") @NotNull @Code(SupportEndReason.class)
            String reason) {

        ErasePersonData toCommand(PersonId personId, LocalDate today) {
            return new ErasePersonData(personId, today, SupportEndReason.valueOf(reason));
        }
    }

    record Erased(String personId, String reason, LocalDate erasedOn) {}

    record ResumptionRequest(
            @Schema(description = "Day support was resumed; today when absent") @PastOrPresent
            LocalDate resumedOn) {

        ResumeSupport toCommand(PersonId personId, LocalDate today) {
            return new ResumeSupport(personId, requireNonNullElse(resumedOn, today));
        }
    }

    @PostMapping("/support-end")
    @Operation(
            summary = "End support",
            description = "Appends SupportEnded; the person's data is erased once the "
                    + "retention period of the reason has passed, counted from today at the earliest. Within the grace "
                    + "period support can be resumed.")
    ResponseEntity<Void> endSupport(@PathVariable UUID personId, @Valid @RequestBody SupportEndRequest request) {
        return dispatch.send(request.toCommand(new PersonId(personId), dispatch.today()));
    }

    @PostMapping("/support-resumption")
    @Operation(
            summary = "Resume support within the grace period",
            description = "Appends SupportResumed and "
                    + "cancels the scheduled erasure; 409 when support has not ended or the grace period is over.")
    ResponseEntity<Void> resumeSupport(@PathVariable UUID personId, @Valid @RequestBody ResumptionRequest request) {
        return dispatch.send(request.toCommand(new PersonId(personId), dispatch.today()));
    }

    @PostMapping("/legal-holds")
    @Operation(summary = "Place a legal hold (DATA_STEWARD)", description = "Blocks erasure on an Art. 17(3) ground.")
    ResponseEntity<Void> placeLegalHold(@PathVariable UUID personId, @Valid @RequestBody LegalHoldRequest request) {
        return dispatch.send(request.toCommand(new PersonId(personId), dispatch.today()));
    }

    @DeleteMapping("/legal-holds/{ground}")
    @Operation(summary = "Lift a legal hold (DATA_STEWARD)")
    ResponseEntity<Void> liftLegalHold(@PathVariable UUID personId, @PathVariable LegalHoldGround ground) {
        return dispatch.send(new LiftLegalHold(new PersonId(personId), dispatch.today(), ground));
    }

    @PostMapping("/erasure")
    @Operation(
            summary = "Erase a person's data now (DATA_STEWARD)",
            description = "Destroys the person's data key "
                    + "and appends PersonDataErased; afterwards every command for the person answers 410.")
    ResponseEntity<Erased> erase(@PathVariable UUID personId, @Valid @RequestBody ErasureRequest request) {
        LocalDate today = dispatch.today();
        return dispatch.send(
                request.toCommand(new PersonId(personId), today),
                HttpStatus.OK,
                null,
                new Erased(personId.toString(), request.reason(), today));
    }
}
