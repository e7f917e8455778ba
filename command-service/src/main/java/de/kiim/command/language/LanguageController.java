package de.kiim.command.language;

import static java.util.Objects.requireNonNullElse;

import de.kiim.command.api.CommandDispatch;
import de.kiim.command.validation.Code;
import de.kiim.events.PersonId;
import de.kiim.events.vocabulary.AssessmentMethod;
import de.kiim.events.vocabulary.CefrLevel;
import de.kiim.events.vocabulary.LanguageSkill;
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
@Tag(name = "Language", description = "Assessments of the person's German")
class LanguageController {

    private final CommandDispatch dispatch;

    LanguageController(CommandDispatch dispatch) {
        this.dispatch = dispatch;
    }

    record AssessmentRequest(
            @Schema(example = "OVERALL") @NotNull @Code(LanguageSkill.class)
            String skill,

            @Schema(example = "A2") @NotNull @Code(CefrLevel.class)
            String level,

            @Schema(example = "PLACEMENT_TEST") @NotNull @Code(AssessmentMethod.class)
            String method,

            @Schema(description = "Day of the assessment; today when absent") @PastOrPresent
            LocalDate assessedOn) {

        AssessLanguageLevel toCommand(PersonId personId, LocalDate today) {
            return new AssessLanguageLevel(
                    personId,
                    requireNonNullElse(assessedOn, today),
                    LanguageSkill.valueOf(skill),
                    CefrLevel.valueOf(level),
                    AssessmentMethod.valueOf(method));
        }
    }

    @PostMapping("/language-assessments")
    @Operation(summary = "Record a language assessment", description = "Appends LanguageLevelAssessed.")
    ResponseEntity<Void> assess(@PathVariable UUID personId, @Valid @RequestBody AssessmentRequest request) {
        return dispatch.send(request.toCommand(new PersonId(personId), dispatch.today()));
    }
}
