package de.kiim.web.persons;

import de.kiim.web.api.Caller;
import de.kiim.web.api.Card;
import de.kiim.web.api.QueryService;
import de.kiim.web.api.TimelineEntry;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * A person's page: the card and the timeline, filtered by category and "as of" a day, exactly as the user's agency
 * may read them. A person the agency does not see is not found, as in the API.
 */
@Controller
class PersonController {

    /** Days are the district's: "as of 3 March" means the end of that day in Germany. */
    static final ZoneId DISTRICT = ZoneId.of("Europe/Berlin");

    /**
     * How often a page asks again for a step just recorded, before it shows what the views have: after 50, 100,
     * 200 … ms, about 3 s in all. Every ask is a read, and logged as one.
     */
    private static final int WAITS = 6;

    private static final long FIRST_WAIT_MILLIS = 50;

    /** The flash attribute by which a form tells the person page the version its step gave the person. */
    static final String RECORDED_VERSION = "recordedVersion";

    static final List<String> CATEGORIES = List.of(
            "BASE_DATA", "RESIDENCE", "BENEFITS", "LANGUAGE", "EDUCATION", "EMPLOYMENT", "COUNSELLING", "CONSENT");

    private final QueryService queries;
    private final Clock clock;

    PersonController(QueryService queries, Clock clock) {
        this.queries = queries;
        this.clock = clock;
    }

    /**
     * The person's page. After a form has recorded a step, the version it gave the person comes as a flash
     * attribute (never from the URL, so that no link can make the page poll), and the page waits until the views
     * show it: they follow the command service within milliseconds, not at once.
     */
    @GetMapping("/persons/{personId}")
    String person(
            @PathVariable UUID personId,
            @RequestParam(required = false) String category,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
            Model model) {
        Long after = model.getAttribute(RECORDED_VERSION) instanceof Long version ? version : null;
        Card card = cardReaching(personId, after).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("card", card);
        Caller caller = (Caller) model.getAttribute("caller");
        model.addAttribute(
                "steps",
                StepForms.ALL.stream()
                        .filter(step -> caller != null && caller.maySend(step.command()))
                        .toList());
        model.addAttribute("personId", personId);
        model.addAttribute("recorded", after != null);
        timeline(personId, category, asOf, after != null, model);
        return "persons/person";
    }

    /** The timeline alone, for the filter's htmx request. */
    @GetMapping("/persons/{personId}/timeline")
    String timelineOnly(
            @PathVariable UUID personId,
            @RequestParam(required = false) String category,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
            @RequestHeader(name = "HX-Request", required = false) String htmx,
            Model model) {
        if (htmx == null) {
            return "redirect:/persons/" + personId;
        }
        timeline(personId, category, asOf, false, model);
        return "persons/person :: timeline";
    }

    private void timeline(UUID personId, String category, LocalDate asOf, boolean justRecorded, Model model) {
        // List.of(...).contains(null) throws: an absent category is checked first.
        String shownCategory = category != null && CATEGORIES.contains(category) ? category : null;
        LocalDate today = LocalDate.now(clock.withZone(DISTRICT));
        LocalDate shownAsOf = asOf == null || asOf.isAfter(today) || asOf.getYear() < 1900 ? null : asOf;
        Instant until = shownAsOf == null
                ? null
                : shownAsOf.plusDays(1).atStartOfDay(DISTRICT).toInstant().minusMillis(1);
        if (until != null && until.isAfter(clock.instant())) {
            until = clock.instant();
        }
        List<TimelineEntry> entries = queries.timeline(personId, until);
        // The timeline is a view of its own and may follow the card by a moment.
        for (int wait = 0; justRecorded && entries.isEmpty() && wait < WAITS; wait++) {
            pause(wait);
            entries = queries.timeline(personId, until);
        }
        // Empty as of a day before the person's first entry is an empty timeline; empty now, no person to see.
        if (entries.isEmpty() && until == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        model.addAttribute(
                "entries",
                entries.stream()
                        .filter(entry -> shownCategory == null || shownCategory.equals(entry.category()))
                        .toList());
        model.addAttribute("categories", CATEGORIES);
        model.addAttribute("category", shownCategory);
        model.addAttribute("asOf", shownAsOf);
        model.addAttribute("today", today);
        model.addAttribute("personId", personId);
    }

    /**
     * The card; with {@code after} (a step just recorded) once the views show it: a person just registered is not
     * in them at all yet (a registration answers no version: {@code after} is 0), one just changed is there at an
     * older version. Asks at most {@code WAITS} times more, then shows what the views have.
     */
    private Optional<Card> cardReaching(UUID personId, Long after) {
        Optional<Card> card = queries.card(personId);
        for (int wait = 0;
                wait < WAITS
                        && after != null
                        && card.map(shown -> shown.version() < after).orElse(true);
                wait++) {
            pause(wait);
            card = queries.card(personId);
        }
        return card;
    }

    private static void pause(int wait) {
        try {
            Thread.sleep(FIRST_WAIT_MILLIS << wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
