package de.kiim.web.persons;

import de.kiim.web.api.ApiProblem;
import de.kiim.web.api.CommandService;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Recording an integration step ({@link StepForms}): the form with a picker for every vocabulary, sent on to the
 * command service as the user; its refusal shown at the fields it names, the entries kept.
 */
@Controller
class StepController {

    private final CommandService commands;

    StepController(CommandService commands) {
        this.commands = commands;
    }

    @GetMapping("/persons/{personId}/steps/{step}")
    String form(@PathVariable UUID personId, @PathVariable String step, Model model) {
        return page(personId, form(step), Map.of(), Map.of(), model);
    }

    @PostMapping("/persons/{personId}/steps/{step}")
    String record(
            @PathVariable UUID personId,
            @PathVariable String step,
            @RequestParam MultiValueMap<String, String> entries,
            Model model,
            RedirectAttributes recorded) {
        StepForm form = form(step);
        Map<String, Object> body = new LinkedHashMap<>();
        for (StepForm.Field field : form.fields()) {
            if (field.kind() == StepForm.Kind.CHOICES) {
                body.put(field.name(), entries.getOrDefault(field.name(), List.of()));
                continue;
            }
            String value = entries.getFirst(field.name());
            if (value != null && !value.isBlank()) {
                body.put(field.name(), field.kind() == StepForm.Kind.LONG_TEXT ? value : value.strip());
            }
        }
        try {
            long version = commands.record(personId, form.path(), body);
            recorded.addFlashAttribute(PersonController.RECORDED_VERSION, version);
            return "redirect:/persons/" + personId;
        } catch (ApiProblem problem) {
            if (problem.status() != 400 && problem.status() != 409) {
                throw problem;
            }
            Map<String, String> problems = new LinkedHashMap<>(problem.byField());
            if (problems.isEmpty()) {
                model.addAttribute("conflict", problem.detail());
            }
            return page(personId, form, entries, problems, model);
        }
    }

    private static StepForm form(String step) {
        return StepForms.at(step).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private static String page(
            UUID personId,
            StepForm form,
            Map<String, List<String>> entries,
            Map<String, String> problems,
            Model model) {
        model.addAttribute("personId", personId);
        model.addAttribute("form", form);
        model.addAttribute("entries", entries);
        model.addAttribute("problems", problems);
        return "persons/step";
    }
}
