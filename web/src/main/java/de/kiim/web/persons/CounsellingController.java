package de.kiim.web.persons;

import de.kiim.events.vocabulary.CounsellingTopic;
import de.kiim.web.api.ApiProblem;
import de.kiim.web.api.CommandService;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Recording a counselling session: topics from the vocabulary, what was agreed, the day. */
@Controller
class CounsellingController {

    private final CommandService commands;

    CounsellingController(CommandService commands) {
        this.commands = commands;
    }

    @GetMapping("/persons/{personId}/counselling-sessions/new")
    String form(@PathVariable UUID personId, Model model) {
        return page(personId, List.of(), "", "", Map.of(), model);
    }

    @PostMapping("/persons/{personId}/counselling-sessions")
    String record(
            @PathVariable UUID personId,
            @RequestParam(name = "topics", required = false) List<String> topics,
            @RequestParam(defaultValue = "") String agreedNextSteps,
            @RequestParam(defaultValue = "") String heldOn,
            Model model,
            RedirectAttributes recorded) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("topics", topics == null ? List.of() : topics);
        if (!agreedNextSteps.isBlank()) {
            body.put("agreedNextSteps", agreedNextSteps);
        }
        if (!heldOn.isBlank()) {
            body.put("heldOn", heldOn);
        }
        try {
            long version = commands.record(personId, "counselling-sessions", body);
            recorded.addFlashAttribute(PersonController.RECORDED_VERSION, version);
            return "redirect:/persons/" + personId;
        } catch (ApiProblem problem) {
            if (problem.status() != 400) {
                throw problem;
            }
            return page(personId, topics, agreedNextSteps, heldOn, problem.byField(), model);
        }
    }

    private static String page(
            UUID personId,
            List<String> topics,
            String agreedNextSteps,
            String heldOn,
            Map<String, String> problems,
            Model model) {
        model.addAttribute("personId", personId);
        model.addAttribute("topicChoices", Choices.of(CounsellingTopic.class));
        model.addAttribute("topics", topics == null ? List.of() : topics);
        model.addAttribute("agreedNextSteps", agreedNextSteps);
        model.addAttribute("heldOn", heldOn);
        model.addAttribute("problems", problems);
        return "persons/counselling";
    }
}
