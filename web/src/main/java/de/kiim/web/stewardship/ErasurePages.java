package de.kiim.web.stewardship;

import de.kiim.events.vocabulary.SupportEndReason;
import de.kiim.events.vocabulary.Vocabulary;
import de.kiim.web.api.ApiProblem;
import de.kiim.web.api.CommandService;
import de.kiim.web.persons.Choices;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Erasure by a data steward, in two steps: the person's id and the reason, then a confirmation that says what
 * cannot be undone. Only the confirmed second step sends the command. The id is posted, never put into a URL.
 */
@Controller
class ErasurePages {

    private final CommandService commands;

    ErasurePages(CommandService commands) {
        this.commands = commands;
    }

    @GetMapping("/stewardship/erasure")
    String form(Model model) {
        return form("", "", null, model);
    }

    /** The first step: checks the entries and asks for the confirmation. */
    @PostMapping("/stewardship/erasure/review")
    String review(@RequestParam String personId, @RequestParam(defaultValue = "") String reason, Model model) {
        Optional<UUID> id = uuid(personId);
        if (id.isEmpty()) {
            return form(personId, reason, "personId", model);
        }
        if (Vocabulary.byCode(SupportEndReason.class, reason).isEmpty()) {
            return form(personId, reason, "reason", model);
        }
        model.addAttribute("personId", id.get());
        model.addAttribute("reason", reason);
        model.addAttribute("reasonLabel", Choices.of(SupportEndReason.class).label(reason));
        return "stewardship/confirm-erasure";
    }

    /** The second step: erases. */
    @PostMapping("/stewardship/erasure")
    String erase(@RequestParam UUID personId, @RequestParam String reason, Model model) {
        try {
            commands.erase(personId, reason);
        } catch (ApiProblem problem) {
            if (problem.status() != 400
                    && problem.status() != 404
                    && problem.status() != 409
                    && problem.status() != 410) {
                throw problem;
            }
            model.addAttribute("refusal", problem.status());
            model.addAttribute("detail", problem.detail());
            return form(personId.toString(), reason, null, model);
        }
        model.addAttribute("erased", personId);
        return form("", "", null, model);
    }

    private static String form(String personId, String reason, String invalid, Model model) {
        model.addAttribute("personId", personId);
        model.addAttribute("reason", reason);
        model.addAttribute("invalid", invalid);
        model.addAttribute("reasons", Choices.of(SupportEndReason.class));
        return "stewardship/erasure";
    }

    private static Optional<UUID> uuid(String text) {
        try {
            return Optional.of(UUID.fromString(text.strip()));
        } catch (IllegalArgumentException notAnId) {
            return Optional.empty();
        }
    }
}
