package de.kiim.command.benefits;

import static java.util.Objects.requireNonNullElse;

import de.kiim.command.api.CommandDispatch;
import de.kiim.command.validation.Code;
import de.kiim.events.PersonId;
import de.kiim.events.vocabulary.BenefitRegime;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
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
@Tag(name = "Benefits", description = "Benefit regimes (Rechtskreise)")
class BenefitsController {

    private final CommandDispatch dispatch;

    BenefitsController(CommandDispatch dispatch) {
        this.dispatch = dispatch;
    }

    record BenefitRegimeRequest(
            @Schema(example = "SGB_II") @NotNull @Code(BenefitRegime.class)
            String regime,

            @Schema(description = "First day under the new regime; today when absent", example = "2024-03-01")
            @PastOrPresent
            LocalDate since) {

        ChangeBenefitRegime toCommand(PersonId personId, LocalDate today) {
            return new ChangeBenefitRegime(personId, requireNonNullElse(since, today), BenefitRegime.valueOf(regime));
        }
    }

    @PostMapping("/benefit-regime")
    @Operation(
            summary = "Record a change of benefit regime (Rechtskreiswechsel)",
            description = "Appends BenefitRegimeChanged; 409 when the person is already under that regime.")
    ResponseEntity<Void> changeRegime(@PathVariable UUID personId, @Valid @RequestBody BenefitRegimeRequest request) {
        return dispatch.send(request.toCommand(new PersonId(personId), dispatch.today()));
    }
}
