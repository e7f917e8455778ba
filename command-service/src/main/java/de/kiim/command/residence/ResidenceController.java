package de.kiim.command.residence;

import static java.util.Objects.requireNonNullElse;

import de.kiim.command.api.CommandDispatch;
import de.kiim.command.validation.Code;
import de.kiim.command.validation.DateOrder;
import de.kiim.events.PersonId;
import de.kiim.events.vocabulary.ResidenceStatus;
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
@Tag(name = "Residence", description = "Residence titles and statuses")
class ResidenceController {

    private final CommandDispatch dispatch;

    ResidenceController(CommandDispatch dispatch) {
        this.dispatch = dispatch;
    }

    @DateOrder(earlier = "validFrom", later = "validUntil")
    record ResidenceStatusRequest(
            @Schema(example = "AE_25_2_REFUGEE") @NotNull @Code(ResidenceStatus.class)
            String status,

            @Schema(description = "First day of the status; today when absent", example = "2024-02-01") @PastOrPresent
            LocalDate validFrom,

            @Schema(description = "Last day of the status; absent for unlimited titles", example = "2027-01-31")
            LocalDate validUntil) {

        ChangeResidenceStatus toCommand(PersonId personId, LocalDate today) {
            return new ChangeResidenceStatus(
                    personId, requireNonNullElse(validFrom, today), ResidenceStatus.valueOf(status), validUntil);
        }
    }

    @PostMapping("/residence-status")
    @Operation(summary = "Record a new residence status", description = "Appends ResidenceStatusChanged.")
    ResponseEntity<Void> changeStatus(@PathVariable UUID personId, @Valid @RequestBody ResidenceStatusRequest request) {
        return dispatch.send(request.toCommand(new PersonId(personId), dispatch.today()));
    }
}
