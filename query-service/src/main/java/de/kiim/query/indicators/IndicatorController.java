package de.kiim.query.indicators;

import de.kiim.events.vocabulary.Language;
import de.kiim.platform.security.KiimUser;
import de.kiim.platform.web.FieldProblem;
import de.kiim.platform.web.InvalidRequest;
import de.kiim.platform.web.RuleViolation;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The analysts' indicators (ANALYST): tables of persons, never a person. Every request is recorded in the access
 * log, without its figures.
 */
@RestController
@RequestMapping("/api/v1/indicators")
@Tag(name = "Indicators", description = "Integration indicators per arrival cohort, under disclosure control (ANALYST)")
class IndicatorController {

    static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private final Map<String, Indicator> indicators;
    private final IndicatorQueries queries;
    private final IndicatorReads reads;

    IndicatorController(List<Indicator> indicators, IndicatorQueries queries, IndicatorReads reads) {
        this.indicators = indicators.stream()
                .sorted(Comparator.comparing(Indicator::name))
                .collect(Collectors.toMap(Indicator::name, Function.identity(), (a, b) -> a, LinkedHashMap::new));
        this.queries = queries;
        this.reads = reads;
    }

    /** What an indicator is, for the list. */
    record Definition(
            String name,
            String title,
            String definition,
            Map<String, String> parameters,
            List<FigureDefinition> figures) {}

    record FigureDefinition(String name, String header, Indicator.Figure.Kind kind) {}

    record DimensionDefinition(String name, String label) {}

    record Catalogue(
            List<Definition> indicators,
            List<DimensionDefinition> dimensions,
            IndicatorAnswer.Protection disclosureControl) {}

    @GetMapping
    @Operation(
            summary = "The indicators, their figures and parameters, and the dimensions to group and filter by",
            description = "Definitions in German or English by Accept-Language; docs/indicators.md has the method.")
    Catalogue list(Locale locale) {
        Language language = Language.of(locale);
        return new Catalogue(
                indicators.values().stream()
                        .map(indicator -> new Definition(
                                indicator.name(),
                                language.pick(indicator.title()),
                                language.pick(indicator.definition()),
                                indicator.parameters().stream()
                                        .collect(Collectors.toMap(
                                                Indicator.Parameter::name,
                                                Indicator.Parameter::accepts,
                                                (a, b) -> a,
                                                LinkedHashMap::new)),
                                indicator.figures().stream()
                                        .map(figure -> new FigureDefinition(
                                                figure.name(), language.pick(figure.header()), figure.kind()))
                                        .toList()))
                        .toList(),
                Arrays.stream(Dimension.values())
                        .filter(dimension -> dimension.groupable() || dimension.filterable())
                        .map(dimension -> new DimensionDefinition(dimension.parameter(), dimension.label(language)))
                        .toList(),
                reads.protection());
    }

    @GetMapping(
            value = "/{name}",
            produces = {MediaType.APPLICATION_JSON_VALUE, "text/csv"})
    @Operation(
            summary = "An indicator's table",
            description = "Parameters: referenceDate (default today), asOf (what Kiim knew then; default now), "
                    + "cohort (2024 or 2024-Q3) or from/to (years or quarters), groupBy (up to three of the "
                    + "dimensions), and any dimension as a filter (several values comma-separated). Cells of fewer "
                    + "than k persons, and cells that would let one be recomputed, are withheld (suppressed); every "
                    + "count carries a small, consistent noise. JSON, or CSV with Accept: text/csv or format=csv.")
    ResponseEntity<?> table(
            @PathVariable String name,
            @RequestParam MultiValueMap<String, String> parameters,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept,
            @RequestParam(value = IndicatorQueries.FORMAT, required = false) String format,
            Locale locale,
            @AuthenticationPrincipal KiimUser user) {
        Indicator indicator = indicators.get(name);
        if (indicator == null) {
            throw RuleViolation.notFound("indicator.unknown", "No such indicator.");
        }
        if (format != null && !format.equals("csv") && !format.equals("json")) {
            throw new InvalidRequest(new FieldProblem(IndicatorQueries.FORMAT, "must be csv or json"));
        }
        IndicatorQuery query = queries.read(indicator, parameters);
        Language language = Language.of(locale);
        IndicatorAnswer answer = reads.answer(indicator, query, language, user);
        boolean csv = "csv".equals(format) || format == null && accept != null && accept.contains("text/csv");
        if (csv) {
            return ResponseEntity.ok()
                    .contentType(CSV)
                    .header(
                            HttpHeaders.CONTENT_DISPOSITION,
                            "attachment; filename=\"" + indicator.name() + "-" + query.referenceDate() + ".csv\"")
                    .body(IndicatorCsv.of(answer, indicator, language));
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(answer);
    }
}
