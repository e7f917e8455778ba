package de.kiim.query.export;

import de.kiim.events.vocabulary.Language;
import de.kiim.platform.security.KiimUser;
import de.kiim.platform.web.RuleViolation;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Locale;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The data subject's right of access (Art. 15 GDPR), for a data steward to hand over ({@link ExportReads}). */
@RestController
@Tag(name = "Data subject access", description = "Art. 15 GDPR export (DATA_STEWARD)")
class DataSubjectExportController {

    private final ExportReads exports;

    DataSubjectExportController(ExportReads exports) {
        this.exports = exports;
    }

    @GetMapping("/api/v1/persons/{personId}/export")
    @Operation(
            summary = "Everything held about a person (Art. 15 GDPR)",
            description = "Their complete history with every field, which agencies see them on which grounds and "
                    + "what of it they may read, their consents, and every recorded read of their data. For data "
                    + "stewards; the export is recorded in the access log.")
    ExportReads.Export export(@PathVariable UUID personId, @AuthenticationPrincipal KiimUser steward, Locale locale) {
        return exports.export(personId, steward, Language.of(locale))
                .orElseThrow(() -> RuleViolation.notFound("person.unknown", "No such person."));
    }
}
