package de.kiim.web.home;

import de.kiim.web.WebSettings;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class HomeController {

    private final WebSettings settings;

    HomeController(WebSettings settings) {
        this.settings = settings;
    }

    @GetMapping("/")
    String home() {
        return "home";
    }

    /** The accessibility statement (Erklärung zur Barrierefreiheit, BITV 2.0 § 7), open to everyone. */
    @GetMapping("/accessibility")
    String accessibility(Model model) {
        model.addAttribute("feedbackContact", settings.feedbackContact());
        return "accessibility";
    }
}
