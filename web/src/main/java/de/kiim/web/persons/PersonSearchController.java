package de.kiim.web.persons;

import de.kiim.events.vocabulary.BenefitRegime;
import de.kiim.events.vocabulary.CefrLevel;
import de.kiim.events.vocabulary.CourseType;
import de.kiim.events.vocabulary.ResidenceStatus;
import de.kiim.events.vocabulary.Sex;
import de.kiim.web.api.ApiProblem;
import de.kiim.web.api.QueryService;
import de.kiim.web.api.SearchPage;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Finding persons: several filters at once and the columns to show. The terms are posted, so that no name or birth
 * year ever stands in a URL (browser history, proxy logs), and are posted on to the query service in its body.
 */
@Controller
class PersonSearchController {

    /** The search's filters, in the order of the form; each is the query service's parameter of that name. */
    static final List<String> FILTERS = List.of(
            "name",
            "birthYear",
            "nationality",
            "municipality",
            "residenceStatus",
            "benefitRegime",
            "courseType",
            "cefrLevel",
            "arrivedFrom",
            "arrivedTo");

    /** The columns a user can choose; the query service answers only those the agency may read. */
    static final List<String> COLUMNS = List.of(
            "familyName",
            "givenNames",
            "dateOfBirth",
            "sex",
            "nationality",
            "entryDate",
            "azrNumber",
            "municipality",
            "residenceStatus",
            "benefitRegime",
            "cefrLevel",
            "movedAwayOn");

    static final List<String> DEFAULT_COLUMNS =
            List.of("familyName", "givenNames", "dateOfBirth", "nationality", "residenceStatus", "benefitRegime");

    private final QueryService queries;

    PersonSearchController(QueryService queries) {
        this.queries = queries;
    }

    @GetMapping("/persons")
    String form(Model model) {
        vocabularies(model);
        model.addAttribute("terms", Map.of());
        model.addAttribute("columns", DEFAULT_COLUMNS);
        return "persons/search";
    }

    @PostMapping("/persons/search")
    String search(
            @RequestParam MultiValueMap<String, String> form,
            @RequestHeader(name = "HX-Request", required = false) String htmx,
            Model model) {
        Map<String, String> terms = new LinkedHashMap<>();
        for (String filter : FILTERS) {
            String value = form.getFirst(filter);
            if (value != null && !value.isBlank()) {
                terms.put(filter, value.strip());
            }
        }
        List<String> columns = form.getOrDefault("columns", DEFAULT_COLUMNS).stream()
                .filter(COLUMNS::contains)
                .toList();
        if (columns.isEmpty()) {
            columns = DEFAULT_COLUMNS;
        }
        Map<String, String> request = new LinkedHashMap<>(terms);
        request.put("fields", String.join(",", columns));
        request.put("size", "50");
        model.addAttribute("terms", terms);
        model.addAttribute("columns", columns);
        vocabularies(model);
        try {
            SearchPage results = queries.search(request);
            model.addAttribute("results", results);
            // The first column shown opens the person's page.
            model.addAttribute(
                    "linkField",
                    results.fields().stream()
                            .filter(field -> !field.equals("personId"))
                            .findFirst()
                            .orElse("personId"));
        } catch (ApiProblem problem) {
            if (problem.status() != 400) {
                throw problem;
            }
            model.addAttribute("problems", problem.byField());
        }
        // htmx swaps the results (or the form with its problems) into the page; without script the whole page.
        return htmx != null ? "persons/search :: outcome" : "persons/search";
    }

    private static void vocabularies(Model model) {
        model.addAttribute("allColumns", COLUMNS);
        model.addAttribute("residenceStatuses", Choices.of(ResidenceStatus.class));
        model.addAttribute("benefitRegimes", Choices.of(BenefitRegime.class));
        model.addAttribute("courseTypes", Choices.of(CourseType.class));
        model.addAttribute("cefrLevels", Choices.of(CefrLevel.class));
        model.addAttribute(
                "coded",
                Map.of(
                        "residenceStatus", Choices.of(ResidenceStatus.class),
                        "benefitRegime", Choices.of(BenefitRegime.class),
                        "cefrLevel", Choices.of(CefrLevel.class),
                        "sex", Choices.of(Sex.class)));
    }
}
