package de.kiim.query.search;

import de.kiim.events.vocabulary.Vocabulary;
import de.kiim.platform.security.KiimUser;
import de.kiim.platform.web.FieldProblem;
import de.kiim.platform.web.InvalidRequest;
import de.kiim.platform.web.RuleViolation;
import de.kiim.query.accesslog.AccessPurpose;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

@RestController
@Tag(name = "Person search", description = "Find persons in the caller's agency view; save searches as views")
class PersonSearchController {

    private final SearchReads searches;
    private final SavedViews savedViews;

    PersonSearchController(SearchReads searches, SavedViews savedViews) {
        this.searches = searches;
        this.savedViews = savedViews;
    }

    record SavedView(
            @Schema(
                    description = "The search's query string, as for GET /api/v1/persons, without name "
                            + "or birthYear: a saved view keeps columns, sort and coded filters only",
                    example = "benefitRegime=SGB_II&courseState=ENROLLED&fields=familyName,cefrLevel&sort=familyName")
            @NotBlank
            @Size(max = 2000)
            String query) {}

    @GetMapping("/api/v1/persons")
    @Operation(
            summary = "Search persons in the caller's agency view",
            description = "Filters combine (and): name (start of the family name), birthYear, nationality, "
                    + "residenceStatus, benefitRegime, courseType and courseState (a course of that type in that "
                    + "state), cefrLevel (reached at least), municipality, arrivedFrom/arrivedTo (entry date). "
                    + "fields chooses the columns (personId always), sort orders them (-field descending), page "
                    + "and size (max 200) page them; view=NAME starts from a saved view. Only persons and fields "
                    + "the agency sees. Every returned person is logged (view SEARCH, with purpose), "
                    + "the search terms are not.")
    SearchReads.Page search(
            @RequestParam Map<String, String> query,
            @RequestParam(required = false) AccessPurpose purpose,
            @AuthenticationPrincipal KiimUser user) {
        return searchWith(query, purpose, user);
    }

    @PostMapping("/api/v1/persons/search")
    @Operation(
            summary = "Search persons, with the terms in the body",
            description = "The same search as GET /api/v1/persons, its parameters as one JSON object of strings "
                    + "(e.g. {\"name\": \"Beisp\", \"benefitRegime\": \"SGB_II\"}), for clients that must keep "
                    + "names and birth years out of URLs, which proxies and browsers record: the web UI does. "
                    + "Answers and logs exactly as the GET does.")
    SearchReads.Page searchInBody(@RequestBody Map<String, String> query, @AuthenticationPrincipal KiimUser user) {
        String purpose = query.get("purpose");
        return searchWith(query, purpose == null ? null : purpose(purpose), user);
    }

    private static AccessPurpose purpose(String code) {
        return Vocabulary.byCode(AccessPurpose.class, code)
                .orElseThrow(() -> new InvalidRequest(
                        new FieldProblem("purpose", "must be a code of AccessPurpose (docs/event-catalogue.md)")));
    }

    private SearchReads.Page searchWith(Map<String, String> query, AccessPurpose purpose, KiimUser user) {
        Map<String, String> effective = new LinkedHashMap<>();
        if (query.containsKey("view")) {
            effective.putAll(savedQuery(user, query.get("view")));
        }
        effective.putAll(query);
        effective.remove("view");
        return searches.search(user, PersonSearch.of(user.agencyId(), effective), purpose);
    }

    @GetMapping("/api/v1/views")
    @Operation(summary = "The caller's saved searches")
    Map<String, String> views(@AuthenticationPrincipal KiimUser user) {
        return savedViews.all(user.getUsername());
    }

    @PutMapping("/api/v1/views/{name}")
    @Operation(
            summary = "Save a search under a name",
            description = "The query is checked as a search would be. "
                    + "A saved view outlives the persons it finds, so it may not hold what identifies one: name and "
                    + "birthYear are refused (docs/privacy.md).")
    ResponseEntity<Void> save(
            @PathVariable @Pattern(regexp = "[\\w .-]{1,100}") String name,
            @Valid @RequestBody SavedView view,
            @AuthenticationPrincipal KiimUser user) {
        Map<String, String> query = parse(view.query());
        PersonSearch.of(user.agencyId(), query);
        FieldProblem[] identifying = PersonSearch.IDENTIFYING_FILTERS.stream()
                .filter(query::containsKey)
                .map(filter -> new FieldProblem(
                        filter,
                        "may not be saved in a view: a saved view keeps columns, " + "sort and coded filters only"))
                .toArray(FieldProblem[]::new);
        if (identifying.length > 0) {
            throw new InvalidRequest(identifying);
        }
        savedViews.save(user.getUsername(), name, view.query());
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/api/v1/views/{name}")
    @Operation(summary = "Delete a saved search")
    ResponseEntity<Void> delete(@PathVariable String name, @AuthenticationPrincipal KiimUser user) {
        savedViews.delete(user.getUsername(), name);
        return ResponseEntity.noContent().build();
    }

    private Map<String, String> savedQuery(KiimUser user, String name) {
        return parse(savedViews
                .find(user.getUsername(), name)
                .orElseThrow(() -> RuleViolation.notFound("view.unknown", "You have no saved view of this name.")));
    }

    private static Map<String, String> parse(String queryString) {
        Map<String, String> query = new LinkedHashMap<>();
        UriComponentsBuilder.newInstance()
                .query(queryString)
                .build()
                .getQueryParams()
                .forEach((name, values) -> {
                    if (values.size() != 1 || values.get(0) == null) {
                        throw new InvalidRequest(
                                new FieldProblem("query", "must give " + name + " once, with a value"));
                    }
                    query.put(name, URLDecoder.decode(values.get(0), StandardCharsets.UTF_8));
                });
        return query;
    }
}
