package de.kiim.query.indicators;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer;
import de.kiim.events.vocabulary.Language;
import de.kiim.platform.security.KiimUser;
import de.kiim.platform.web.FieldProblem;
import de.kiim.platform.web.InvalidRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;

/**
 * The district's yearly integration report (ANALYST), as HTML or PDF: the main indicators per arrival cohort over
 * five years, the targets and the distance to them, every withheld figure marked, the method and k stated.
 */
@RestController
@Tag(name = "Reports", description = "The yearly integration report (ANALYST)")
class IntegrationReportController {

    static final MediaType PDF = MediaType.APPLICATION_PDF;

    private final IntegrationReportReads reports;
    private final TemplateEngine templates;
    private final Clock clock;
    private final String districtName;
    private final File font;

    IntegrationReportController(
            IntegrationReportReads reports,
            TemplateEngine templates,
            Clock clock,
            @Value("${kiim.reports.district-name:Landkreis}") String districtName,
            @Value("${kiim.reports.font:/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf}") String font) {
        this.reports = reports;
        this.templates = templates;
        this.clock = clock;
        this.districtName = districtName;
        this.font = new File(font);
    }

    @GetMapping(
            value = "/api/v1/reports/integration",
            produces = {MediaType.TEXT_HTML_VALUE, "application/pdf"})
    @Operation(
            summary = "The yearly integration report",
            description = "year (required): the five arrival cohorts up to it, on 31 December (today for the "
                    + "current year); asOf reproduces the report as Kiim knew it then. HTML, or PDF with Accept: "
                    + "application/pdf or format=pdf. German, English by Accept-Language.")
    ResponseEntity<?> report(
            @RequestParam(required = false) String year,
            @RequestParam(required = false) String asOf,
            @RequestParam(required = false) String format,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept,
            Locale locale,
            @AuthenticationPrincipal KiimUser user) {
        Instant now = clock.instant();
        List<FieldProblem> problems = new ArrayList<>();
        int reportYear = year(year, now, problems);
        Instant knownAt = IndicatorQueries.asOf(asOf, now, problems);
        if (format != null && !format.equals("pdf") && !format.equals("html")) {
            problems.add(new FieldProblem("format", "must be html or pdf"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequest(problems.toArray(FieldProblem[]::new));
        }
        Language language = Language.of(locale);
        IntegrationReport report = reports.report(reportYear, knownAt, language, user);
        Context context = new Context(language.locale());
        context.setVariable("report", report);
        context.setVariable("district", districtName);
        context.setVariable(
                "asOf",
                DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm:ss 'Europe/Berlin'")
                        .format(knownAt.atZone(ZoneId.of("Europe/Berlin"))));
        String html = templates.process("integration-report", context);
        String filename = "integrationsbericht-" + reportYear;
        if ("pdf".equals(format) || format == null && accept != null && accept.contains("application/pdf")) {
            return ResponseEntity.ok()
                    .contentType(PDF)
                    .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + filename + ".pdf\"")
                    .body(pdf(html));
        }
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "html", StandardCharsets.UTF_8))
                .body(html);
    }

    private byte[] pdf(String html) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useSVGDrawer(new BatikSVGDrawer());
            if (font.canRead()) {
                // A font with the arrows and dashes the report uses; the PDF's built-in ones have neither.
                builder.useFont(font, "DejaVu Sans");
            }
            builder.withHtmlContent(html, null);
            builder.toStream(out);
            builder.run();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int year(String value, Instant now, List<FieldProblem> problems) {
        int current = LocalDate.ofInstant(now, ZoneId.of("Europe/Berlin")).getYear();
        int first = Period.FIRST_YEAR + IntegrationReportReads.COHORTS;
        if (value != null && value.matches("\\d{4}")) {
            int year = Integer.parseInt(value);
            if (year >= first && year <= current) {
                return year;
            }
        }
        problems.add(new FieldProblem(
                "year", value == null ? "is required" : "must be a year from " + first + " to " + current));
        return current;
    }
}
