package de.kiim.command.imports;

import de.kiim.command.api.CommandPolicy;
import de.kiim.command.person.RegisterPerson;
import de.kiim.platform.security.KiimUser;
import de.kiim.platform.web.RuleViolation;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

@RestController
@RequestMapping("/api/v1/imports")
@Validated
@Tag(name = "Imports", description = "Bulk registration from an AZR extract or an agency's export (docs/imports.md)")
class ImportController {

    private final PersonImport imports;
    private final ImportJobs jobs;
    private final CommandPolicy policy;

    ImportController(PersonImport imports, ImportJobs jobs, CommandPolicy policy) {
        this.imports = imports;
        this.jobs = jobs;
        this.policy = policy;
    }

    @PostMapping(consumes = {"text/csv", "application/x-ndjson"})
    @Operation(
            summary = "Import persons from a CSV or NDJSON file",
            description = "Streams the file and registers each line as POST /api/v1/persons would; answers when "
                    + "the file is done. Meanwhile GET /api/v1/imports shows the running import's counts. Every "
                    + "line has a result (CREATED, DUPLICATE, INVALID with reasons); sending the file again "
                    + "creates nobody twice.",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content = {
                                @Content(mediaType = "text/csv", examples = @ExampleObject(value = """
                            Familienname;Vornamen;Geburtsdatum;Geschlecht;Staatsangehörigkeit;Einreisedatum;AZR-Nummer;Gemeindeschlüssel
                            Beispiel;Amal;01.04.1990;W;SYR;15.09.2023;123456789012;15085135""")),
                                @Content(mediaType = "application/x-ndjson", examples = @ExampleObject(value = """
                            {"familyName":"Beispiel","givenNames":"Amal","dateOfBirth":"1990-04-01","sex":"FEMALE","nationality":"SY","entryDate":"2023-09-15","municipality":"15085135"}"""))
                            }))
    ResponseEntity<ImportReport> importFile(HttpServletRequest request, @AuthenticationPrincipal KiimUser user)
            throws IOException {
        policy.requireMaySend(user.agencyKind(), RegisterPerson.class);
        ImportFormat format = ImportFormat.of(request.getContentType()).orElseThrow();
        UUID id = imports.run(format, request.getInputStream(), user);
        URI location = ServletUriComponentsBuilder.fromCurrentRequest()
                .path("/{id}")
                .buildAndExpand(id)
                .toUri();
        return ResponseEntity.created(location).body(report(id, user));
    }

    @GetMapping
    @Operation(summary = "Recent imports of the caller's agency, running ones with their counts so far")
    List<ImportReport.Summary> recent(@AuthenticationPrincipal KiimUser user) {
        return jobs.recent(user.agencyId(), 50);
    }

    @GetMapping("/{importId}")
    @Operation(summary = "An import's state, counts and the lines that need attention")
    ImportReport get(@PathVariable UUID importId, @AuthenticationPrincipal KiimUser user) {
        return report(importId, user);
    }

    @GetMapping("/{importId}/rows")
    @Operation(
            summary = "Every line's result, in line order",
            description = "Page with afterLine: pass the last line number of the previous page.")
    List<RowResult> rows(
            @PathVariable UUID importId,
            @RequestParam(required = false) RowOutcome outcome,
            @RequestParam(defaultValue = "0") @Min(0) int afterLine,
            @RequestParam(defaultValue = "500") @Min(1) @Max(5000) int limit,
            @AuthenticationPrincipal KiimUser user) {
        summary(importId, user);
        return jobs.rows(importId, outcome, afterLine, limit);
    }

    private ImportReport report(UUID id, KiimUser user) {
        var summary = summary(id, user);
        return new ImportReport(
                summary, jobs.needingAttention(id, ImportReport.ATTENTION_LIMIT), "/api/v1/imports/" + id + "/rows");
    }

    /** Imports are visible to their agency only; another agency's import does not exist for the caller. */
    private ImportReport.Summary summary(UUID id, KiimUser user) {
        return jobs.find(id, user.agencyId())
                .orElseThrow(() -> RuleViolation.notFound("import.unknown", "No such import."));
    }
}
