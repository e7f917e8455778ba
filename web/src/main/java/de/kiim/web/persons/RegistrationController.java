package de.kiim.web.persons;

import de.kiim.events.vocabulary.Sex;
import de.kiim.web.api.ApiProblem;
import de.kiim.web.api.CommandService;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Registering a person. A likely duplicate (same folded names and birth date) is shown with its candidates, where
 * the agency sees them all; the caseworker then confirms "this is someone else" and sends the registration again
 * with those candidates named, as the API asks.
 */
@Controller
class RegistrationController {

    /** The registration's fields, in the order of the form; each the command service's field of that name. */
    static final List<String> FIELDS = List.of(
            "familyName", "givenNames", "dateOfBirth", "sex", "nationality", "entryDate", "municipality", "azrNumber");

    private final CommandService commands;

    RegistrationController(CommandService commands) {
        this.commands = commands;
    }

    @GetMapping("/persons/new")
    String form(Model model) {
        return page(Map.of(), Map.of(), List.of(), model);
    }

    @PostMapping("/persons")
    String register(
            @RequestParam MultiValueMap<String, String> form,
            @RequestParam(name = "confirmedDistinctFrom", required = false) List<String> confirmedDistinctFrom,
            Model model,
            RedirectAttributes recorded) {
        Map<String, String> entered = new LinkedHashMap<>();
        for (String field : FIELDS) {
            String value = form.getFirst(field);
            if (value != null && !value.isBlank()) {
                entered.put(field, value.strip());
            }
        }
        Map<String, Object> body = new LinkedHashMap<>(entered);
        if (confirmedDistinctFrom != null && !confirmedDistinctFrom.isEmpty()) {
            body.put("confirmedDistinctFrom", confirmedDistinctFrom);
        }
        try {
            var registered = commands.register(body);
            recorded.addFlashAttribute(PersonController.RECORDED_VERSION, registered.version());
            return "redirect:/persons/" + registered.personId();
        } catch (ApiProblem problem) {
            if (problem.status() == 409 && "person.likely-duplicate".equals(problem.rule())) {
                model.addAttribute("duplicate", problem);
                return page(entered, Map.of(), problem.candidates(), model);
            }
            if (problem.status() != 400 && problem.status() != 409) {
                throw problem;
            }
            Map<String, String> problems = new LinkedHashMap<>(problem.byField());
            if (problems.isEmpty()) {
                // A conflict of the whole registration, e.g. an AZR number registered for someone else.
                model.addAttribute("conflict", problem.detail());
            }
            return page(entered, problems, List.of(), model);
        }
    }

    private static String page(
            Map<String, String> entered, Map<String, String> problems, List<String> candidates, Model model) {
        model.addAttribute("fields", FIELDS);
        model.addAttribute("entered", entered);
        model.addAttribute("problems", problems);
        model.addAttribute("candidates", candidates);
        model.addAttribute("sexes", Choices.of(Sex.class));
        return "persons/register";
    }
}
