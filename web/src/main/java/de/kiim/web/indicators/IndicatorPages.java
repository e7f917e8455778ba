package de.kiim.web.indicators;

import de.kiim.web.api.ApiProblem;
import de.kiim.web.api.IndicatorCatalogue;
import de.kiim.web.api.QueryService;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The analysts' pages: the indicators with their definitions, and each indicator as a chart and a table for a
 * cohort, grouped and filtered, as of a day, with its CSV. Parameters are codes and dates (never a person's data),
 * so they stand in the URL and a table can be bookmarked and shared; the query service checks them and applies
 * the disclosure control.
 */
@Controller
class IndicatorPages {

    /** The parameters every indicator takes besides its dimensions and its own. */
    private static final Set<String> COMMON = Set.of("referenceDate", "asOf", "cohort", "from", "to", "groupBy");

    /** Codes, dates and lists of codes: what a parameter holds; anything else is not passed on. */
    private static final Pattern VALUE = Pattern.compile("[A-Za-z0-9_.,-]{1,64}");

    private static final ZoneId DISTRICT = ZoneId.of("Europe/Berlin");

    private final QueryService queries;
    private final MessageSource messages;
    private final Clock clock;

    IndicatorPages(QueryService queries, MessageSource messages, Clock clock) {
        this.queries = queries;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/indicators")
    String list(Model model) {
        model.addAttribute("catalogue", queries.indicators());
        model.addAttribute("lastYear", LocalDate.now(clock.withZone(DISTRICT)).getYear() - 1);
        return "indicators/list";
    }

    @GetMapping("/indicators/{name}")
    String indicator(
            @PathVariable String name,
            @RequestParam MultiValueMap<String, String> parameters,
            Locale locale,
            Model model) {
        IndicatorCatalogue catalogue = queries.indicators();
        IndicatorCatalogue.Definition definition =
                catalogue.indicator(name).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        MultiValueMap<String, String> passed = allowed(catalogue, definition, parameters);
        model.addAttribute("catalogue", catalogue);
        model.addAttribute("definition", definition);
        model.addAttribute("parameters", passed.toSingleValueMap());
        model.addAttribute(
                "csvLink",
                UriComponentsBuilder.fromPath("/indicators/{name}/csv")
                        .queryParams(passed)
                        .encode()
                        .buildAndExpand(name)
                        .toUriString());
        try {
            var table = queries.indicator(name, passed);
            model.addAttribute("table", table);
            model.addAttribute("chart", BarChart.of(table, "persons"));
            model.addAttribute(
                    "view",
                    TableView.of(
                            table,
                            catalogue,
                            definition,
                            messages.getMessage("indicators.persons", null, locale),
                            locale));
        } catch (ApiProblem problem) {
            if (problem.status() != 400) {
                throw problem;
            }
            model.addAttribute("problems", problem.byField());
        }
        return "indicators/indicator";
    }

    @GetMapping("/indicators/{name}/csv")
    ResponseEntity<byte[]> csv(@PathVariable String name, @RequestParam MultiValueMap<String, String> parameters) {
        IndicatorCatalogue catalogue = queries.indicators();
        IndicatorCatalogue.Definition definition =
                catalogue.indicator(name).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        byte[] csv = queries.indicatorCsv(name, allowed(catalogue, definition, parameters));
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename("kiim-" + name + ".csv")
                                .build()
                                .toString())
                .body(csv);
    }

    /** The yearly report to the Kreistag, as the query service writes it (PDF, in the page's language). */
    @GetMapping("/reports/integration")
    ResponseEntity<byte[]> report(@RequestParam int year) {
        if (year < 1900 || year > 2100) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
        }
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename("kiim-integrationsbericht-" + year + ".pdf")
                                .build()
                                .toString())
                .body(queries.integrationReport(year));
    }

    /** The parameters the indicator knows, with values of the shape they may have; empty ones left out. */
    private static MultiValueMap<String, String> allowed(
            IndicatorCatalogue catalogue,
            IndicatorCatalogue.Definition definition,
            MultiValueMap<String, String> parameters) {
        Set<String> known = new HashSet<>(COMMON);
        catalogue.dimensions().forEach(dimension -> known.add(dimension.name()));
        known.addAll(definition.parameters().keySet());
        MultiValueMap<String, String> passed = new LinkedMultiValueMap<>();
        for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
            if (!known.contains(parameter.getKey())) {
                continue;
            }
            parameter.getValue().stream()
                    .filter(value -> value != null && VALUE.matcher(value).matches())
                    .forEach(value -> passed.add(parameter.getKey(), value));
        }
        return passed;
    }
}
