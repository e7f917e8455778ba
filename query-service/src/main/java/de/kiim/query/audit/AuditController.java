package de.kiim.query.audit;

import de.kiim.query.accesslog.AccessEntry;
import de.kiim.query.accesslog.AccessLog;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * For auditors and the data-protection officer: who changed what and when, and who read whose data — pseudonymous
 * ids, authors and times, never a payload. Both lists page forward and export as CSV ({@code format=csv}).
 */
@RestController
@RequestMapping("/api/v1/audit")
@Validated
@Tag(name = "Audit", description = "Change trail and access log (AUDITOR)")
class AuditController {

    private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private final ChangeTrail changes;
    private final AccessLog accessLog;

    AuditController(ChangeTrail changes, AccessLog accessLog) {
        this.changes = changes;
        this.accessLog = accessLog;
    }

    @GetMapping("/changes")
    @Operation(summary = "Every recorded change: event type, author, agency, recordedAt, occurredAt, person id",
            description = "Filters combine; times are ISO-8601 instants on recordedAt (from inclusive, to "
                    + "exclusive). Page with afterPosition = the last position of the previous page.")
    ResponseEntity<?> changes(@RequestParam(required = false) UUID person, @RequestParam(required = false) String user,
                              @RequestParam(required = false) String agency,
                              @RequestParam(required = false) String type,
                              @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
                              Instant from,
                              @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
                              Instant to,
                              @RequestParam(defaultValue = "0") @Min(0) long afterPosition,
                              @RequestParam(defaultValue = "500") @Min(1) @Max(10000) int limit,
                              @RequestParam(required = false) String format) {
        List<ChangeTrail.Change> found = changes.find(person, user, agency, type, from, to, afterPosition, limit);
        if (!"csv".equals(format)) {
            return ResponseEntity.ok(found);
        }
        return csv("changes", Csv.of(
                List.of("position", "personId", "sequence", "type", "author", "agency", "recordedAt", "occurredAt"),
                found.stream().map(change -> Arrays.<Object>asList(change.position(), change.personId(),
                        change.sequence(), change.type(), change.author(), change.agency(), change.recordedAt(),
                        change.occurredAt())).toList()));
    }

    @GetMapping("/access")
    @Operation(summary = "The access log: who read which person's data, for which agency, when, which view, why",
            description = "Filters combine; page with afterSeq = the last seq of the previous page.")
    ResponseEntity<?> access(@RequestParam(required = false) UUID person, @RequestParam(required = false) String user,
                             @RequestParam(required = false) String agency,
                             @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
                             Instant from,
                             @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
                             Instant to,
                             @RequestParam(defaultValue = "0") @Min(0) long afterSeq,
                             @RequestParam(defaultValue = "500") @Min(1) @Max(10000) int limit,
                             @RequestParam(required = false) String format) {
        List<AccessEntry> found = accessLog.find(person, user, agency, from, to, afterSeq, limit);
        if (!"csv".equals(format)) {
            return ResponseEntity.ok(found);
        }
        return csv("access", Csv.of(
                List.of("seq", "accessedAt", "user", "agency", "personId", "view", "purpose", "hash"),
                found.stream().map(entry -> Arrays.<Object>asList(entry.seq(), entry.accessedAt(), entry.username(),
                        entry.agency(), entry.personId(), entry.view(), entry.purpose(), entry.hash())).toList()));
    }

    @GetMapping("/access/verification")
    @Operation(summary = "Walk the access log's keyed hash chain and check it against its anchors",
            description = "intact, or the first entry where the chain breaks (missing, reordered, altered, "
                    + "rewritten without the key, not matching an anchor, or the tail cut); with the first entry "
                    + "kept by retention and the last anchor.")
    AccessLog.Verification verify() {
        return accessLog.verify();
    }

    private static ResponseEntity<String> csv(String name, String body) {
        return ResponseEntity.ok().contentType(CSV)
                .header("Content-Disposition", "attachment; filename=\"kiim-" + name + ".csv\"").body(body);
    }
}
