package de.kiim.command.counselling;

import static java.util.Objects.requireNonNullElse;

import de.kiim.command.api.CommandDispatch;
import de.kiim.command.validation.Code;
import de.kiim.events.PersonId;
import de.kiim.events.vocabulary.CounsellingTopic;
import de.kiim.platform.web.MultiLineText;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/persons/{personId}")
@Tag(name = "Counselling", description = "Counselling sessions")
class CounsellingController {

    private final CommandDispatch dispatch;

    CounsellingController(CommandDispatch dispatch) {
        this.dispatch = dispatch;
    }

    record SessionRequest(
            @Schema(example = "[\"LANGUAGE_COURSES\", \"WORK_AND_TRAINING\"]") @NotEmpty
            Set<@NotNull @Code(CounsellingTopic.class) String> topics,

            @Schema(
                    description = "What was agreed; short free text, personal data",
                    example = "Anmeldung zum " + "Integrationskurs bis Monatsende")
            @Size(max = 500)
            @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank when present")
            @MultiLineText
            String agreedNextSteps,

            @Schema(description = "Day of the session; today when absent") @PastOrPresent
            LocalDate heldOn) {

        RecordCounsellingSession toCommand(PersonId personId, LocalDate today) {
            Set<CounsellingTopic> codes = topics.stream()
                    .map(CounsellingTopic::valueOf)
                    .collect(Collectors.toCollection(() -> EnumSet.noneOf(CounsellingTopic.class)));
            return new RecordCounsellingSession(
                    personId,
                    requireNonNullElse(heldOn, today),
                    codes,
                    agreedNextSteps == null ? null : agreedNextSteps.strip());
        }
    }

    @PostMapping("/counselling-sessions")
    @Operation(summary = "Record a counselling session", description = "Appends CounsellingSessionHeld.")
    ResponseEntity<Void> record(@PathVariable UUID personId, @Valid @RequestBody SessionRequest request) {
        return dispatch.send(request.toCommand(new PersonId(personId), dispatch.today()));
    }
}
