package de.kiim.web.audit;

import de.kiim.web.api.ApiProblem;
import de.kiim.web.api.QueryService;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The auditors' pages: the access log (who read whose data, when, which view, why) with the state of its hash
 * chain, and the change trail (who recorded which step). Neither shows any payload. The filters are posted, so
 * that no user name or person id stands in a URL; without filters a page shows the last seven days.
 */
@Controller
class AuditPages {

    static final ZoneId DISTRICT = ZoneId.of("Europe/Berlin");

    /** The most entries a page shows; the CSV of the API gives more. */
    static final int LIMIT = 200;

    private static final List<String> TRAILS = List.of("access", "changes");
    private static final Pattern NAME = Pattern.compile("[\\w.@-]{1,100}");

    private final QueryService queries;
    private final Clock clock;

    AuditPages(QueryService queries, Clock clock) {
        this.queries = queries;
        this.clock = clock;
    }

    @GetMapping("/audit/{trail}")
    String trail(@PathVariable String trail, Model model) {
        return show(trail, Map.of(), model);
    }

    @PostMapping("/audit/{trail}")
    String filtered(@PathVariable String trail, @RequestParam Map<String, String> form, Model model) {
        return show(trail, form, model);
    }

    private String show(String trail, Map<String, String> form, Model model) {
        if (!TRAILS.contains(trail)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        Map<String, String> problems = new LinkedHashMap<>();
        Map<String, String> entered = new LinkedHashMap<>();
        MultiValueMap<String, String> filters = new LinkedMultiValueMap<>();
        LocalDate today = LocalDate.now(clock.withZone(DISTRICT));
        LocalDate from = date(form, "from", today.minusDays(7), entered, problems);
        LocalDate to = date(form, "to", today, entered, problems);
        filters.add("from", from.atStartOfDay(DISTRICT).toInstant().toString());
        filters.add("to", to.plusDays(1).atStartOfDay(DISTRICT).toInstant().toString());
        for (String name : List.of("user", "agency")) {
            String value = form.getOrDefault(name, "").strip();
            if (value.isEmpty()) {
                continue;
            }
            entered.put(name, value);
            if (NAME.matcher(value).matches()) {
                filters.add(name, value);
            } else {
                problems.put(name, "name");
            }
        }
        String person = form.getOrDefault("person", "").strip();
        if (!person.isEmpty()) {
            entered.put("person", person);
            try {
                filters.add("person", UUID.fromString(person).toString());
            } catch (IllegalArgumentException notAnId) {
                problems.put("person", "uuid");
            }
        }
        filters.add("limit", String.valueOf(LIMIT));
        model.addAttribute("trail", trail);
        model.addAttribute("entered", entered);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("problems", problems);
        model.addAttribute("limit", LIMIT);
        if (problems.isEmpty()) {
            try {
                model.addAttribute(
                        "entries",
                        queries.audit(trail, filters).stream()
                                .map(AuditPages::inDistrictTime)
                                .toList());
            } catch (ApiProblem refused) {
                if (refused.status() != 400) {
                    throw refused;
                }
                refused.byField().keySet().forEach(field -> problems.put(field, "refused"));
            }
        }
        if ("access".equals(trail)) {
            model.addAttribute("verification", queries.accessLogVerification());
        }
        return "audit/" + trail;
    }

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm:ss");

    /** The entry's instants as the district's wall-clock time, to the second. */
    private static Map<String, Object> inDistrictTime(Map<String, Object> entry) {
        Map<String, Object> shown = new LinkedHashMap<>(entry);
        for (String instant : List.of("accessedAt", "recordedAt")) {
            if (entry.get(instant) instanceof String text) {
                shown.put(instant, SHOWN.format(Instant.parse(text).atZone(DISTRICT)));
            }
        }
        return shown;
    }

    private static LocalDate date(
            Map<String, String> form,
            String name,
            LocalDate otherwise,
            Map<String, String> entered,
            Map<String, String> problems) {
        String value = form.getOrDefault(name, "").strip();
        if (value.isEmpty()) {
            return otherwise;
        }
        entered.put(name, value);
        try {
            return LocalDate.parse(value);
        } catch (java.time.format.DateTimeParseException notADate) {
            problems.put(name, "date");
            return otherwise;
        }
    }
}
