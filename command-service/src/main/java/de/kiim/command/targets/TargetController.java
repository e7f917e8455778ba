package de.kiim.command.targets;

import static java.util.Objects.requireNonNullElse;

import de.kiim.command.api.CommandDispatch;
import de.kiim.command.validation.Code;
import de.kiim.events.targets.TargetableFigures;
import de.kiim.events.vocabulary.TargetComparison;
import de.kiim.events.vocabulary.TargetReason;
import de.kiim.platform.web.FieldProblem;
import de.kiim.platform.web.InvalidRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The district's targets for its indicators, set by data stewards with the resolution they rest on; the query
 * service shows them beside the indicators with the distance to them (docs/indicators.md, "Targets").
 */
@RestController
@RequestMapping("/api/v1/admin/targets")
@Tag(name = "Targets", description = "Targets for the indicators, set and withdrawn (DATA_STEWARD)")
class TargetController {

    static final String COHORT = "\\d{4}(-Q[1-4])?";
    static final String OPTION = "[A-Z][A-Z0-9_]{0,39}";
    static final String REFERENCE = "[\\p{L}\\p{N} ./()§-]*";

    private final CommandDispatch dispatch;

    TargetController(CommandDispatch dispatch) {
        this.dispatch = dispatch;
    }

    record TargetRequest(
            @Schema(example = "time-to-milestone") @NotNull String indicator,

            @Schema(description = "The milestone, for time-to-milestone only", example = "CEFR_B1")
            @Pattern(regexp = OPTION, message = "must be a code such as CEFR_B1")
            String milestone,

            @Schema(example = "medianDays") @NotNull String figure,

            @Schema(description = "Arrival cohort: a year or a quarter", example = "2025")
            @NotNull
            @Pattern(regexp = COHORT, message = "must be a year or a quarter (2025, 2025-Q3)")
            String cohort,

            @Schema(example = "AT_MOST") @NotNull @Code(TargetComparison.class)
            String comparison,

            @Schema(example = "540") @NotNull @DecimalMin("0") @DecimalMax("100000") @Digits(integer = 6, fraction = 2)
            BigDecimal value,

            @Schema(example = "KREISTAG_RESOLUTION") @NotNull @Code(TargetReason.class)
            String reason,

            @Schema(description = "File or resolution number", example = "Drucksache 2025/117")
            @Size(max = 60)
            @Pattern(regexp = REFERENCE, message = "may hold letters, digits, spaces and . / ( ) § - only")
            String reference,

            @Schema(description = "Day it was set; today when absent") @PastOrPresent
            LocalDate setOn) {

        SetTarget toCommand(UUID targetId, LocalDate today) {
            TargetableFigures.Figures known = TargetableFigures.of(indicator)
                    .orElseThrow(() -> new InvalidRequest(new FieldProblem(
                            "indicator", "must be one of " + String.join(", ", TargetableFigures.indicators()))));
            if (!known.figures().contains(figure)) {
                throw new InvalidRequest(
                        new FieldProblem("figure", "must be one of " + String.join(", ", known.figures())));
            }
            if (known.option() != null
                    && (milestone == null || !known.optionValues().contains(milestone))) {
                throw new InvalidRequest(
                        new FieldProblem(known.option(), "must be one of " + String.join(", ", known.optionValues())));
            }
            if (known.option() == null && milestone != null) {
                throw new InvalidRequest(new FieldProblem("milestone", "is only for time-to-milestone"));
            }
            if (figure.startsWith("share") && value.compareTo(BigDecimal.ONE) > 0) {
                throw new InvalidRequest(new FieldProblem("value", "a share lies between 0 and 1"));
            }
            return new SetTarget(
                    targetId,
                    indicator,
                    known.option() == null ? Map.of() : Map.of(known.option(), milestone),
                    figure,
                    cohort,
                    TargetComparison.valueOf(comparison),
                    value,
                    TargetReason.valueOf(reason),
                    reference == null || reference.isBlank() ? null : reference.strip(),
                    requireNonNullElse(setOn, today));
        }
    }

    record WithdrawalRequest(
            @Schema(example = "KREISTAG_RESOLUTION") @NotNull @Code(TargetReason.class)
            String reason,

            @Size(max = 60)
            @Pattern(regexp = REFERENCE, message = "may hold letters, digits, spaces and . / ( ) § - only")
            String reference,

            @Schema(description = "Day it no longer holds; today when absent") @PastOrPresent
            LocalDate withdrawnOn) {}

    /** The new target's id. */
    record Created(UUID targetId) {}

    @PostMapping
    @Operation(
            summary = "Set a target",
            description = "Appends TargetSet; the indicator answers for the cohort show it with the distance to it. "
                    + "A changed target is a new one: withdraw the old.")
    ResponseEntity<Created> set(@Valid @RequestBody TargetRequest request) {
        UUID targetId = UUID.randomUUID();
        return dispatch.send(
                request.toCommand(targetId, dispatch.today()),
                HttpStatus.CREATED,
                URI.create("/api/v1/admin/targets/" + targetId),
                new Created(targetId));
    }

    @PostMapping("/{targetId}/withdrawal")
    @Operation(
            summary = "Withdraw a target",
            description = "Appends TargetWithdrawn; 404 target.unknown, 409 if withdrawn.")
    ResponseEntity<Void> withdraw(@PathVariable UUID targetId, @Valid @RequestBody WithdrawalRequest request) {
        return dispatch.send(new WithdrawTarget(
                targetId,
                TargetReason.valueOf(request.reason()),
                request.reference() == null || request.reference().isBlank()
                        ? null
                        : request.reference().strip(),
                requireNonNullElse(request.withdrawnOn(), dispatch.today())));
    }
}
