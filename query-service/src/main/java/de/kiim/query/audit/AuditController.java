package de.kiim.query.audit;

import de.kiim.platform.security.SignInLog;
import de.kiim.query.accesslog.AccessLog;
import de.kiim.query.csv.Csv;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * For auditors and the data-protection officer: who changed what and when, and who read whose data — pseudonymous
 * ids, authors and times, never a payload — and who tried to sign in to either service, never with a password. The
 * lists page forward and export as CSV ({@code format=csv}).
 */
@RestController
@RequestMapping("/api/v1/audit")
@Validated
@Tag(name = "Audit", description = "Change trail, access log and sign-ins (AUDITOR)")
class AuditController {

    private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private final ChangeTrail changes;
    private final AccessLog accessLog;
    private final SignInLog signIns;

    AuditController(ChangeTrail changes, AccessLog accessLog, SignInLog signIns) {
        this.changes = changes;
        this.accessLog = accessLog;
        this.signIns = signIns;
    }

    @GetMapping("/changes")
    @Operation(
            summary = "Every recorded change: event type, author, agency, recordedAt, occurredAt, person id",
            description = "Filters combine; times are ISO-8601 instants on recordedAt (from inclusive, to "
                    + "exclusive). Page with afterPosition = the last position of the previous page.")
    ResponseEntity<?> changes(
            @RequestParam(required = false) UUID person,
            @RequestParam(required = false) String user,
            @RequestParam(required = false) String agency,
            @RequestParam(required = false) String type,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
            @RequestParam(defaultValue = "0") @Min(0) long afterPosition,
            @RequestParam(defaultValue = "500") @Min(1) @Max(10000) int limit,
            @RequestParam(required = false) String format) {
        return jsonOrCsv(
                format,
                "changes",
                changes.find(person, user, agency, type, from, to, afterPosition, limit),
                List.of(
                        "position",
                        "personId",
                        "changedAgency",
                        "changedTarget",
                        "sequence",
                        "type",
                        "author",
                        "agency",
                        "recordedAt",
                        "occurredAt"),
                change -> Arrays.asList(
                        change.position(),
                        change.personId(),
                        change.changedAgency(),
                        change.changedTarget(),
                        change.sequence(),
                        change.type(),
                        change.author(),
                        change.agency(),
                        change.recordedAt(),
                        change.occurredAt()));
    }

    @GetMapping("/access")
    @Operation(
            summary = "The access log: who read which person's data, for which agency, when, which view, why",
            description = "Filters combine; page with afterSeq = the last seq of the previous page.")
    ResponseEntity<?> access(
            @RequestParam(required = false) UUID person,
            @RequestParam(required = false) String user,
            @RequestParam(required = false) String agency,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
            @RequestParam(defaultValue = "0") @Min(0) long afterSeq,
            @RequestParam(defaultValue = "500") @Min(1) @Max(10000) int limit,
            @RequestParam(required = false) String format) {
        return jsonOrCsv(
                format,
                "access",
                accessLog.find(person, user, agency, from, to, afterSeq, limit),
                List.of("seq", "accessedAt", "user", "agency", "personId", "view", "purpose", "detail", "hash"),
                entry -> Arrays.asList(
                        entry.seq(),
                        entry.accessedAt(),
                        entry.username(),
                        entry.agency(),
                        entry.personId(),
                        entry.view(),
                        entry.purpose(),
                        entry.detail(),
                        entry.hash()));
    }

    @GetMapping("/logins")
    @Operation(
            summary = "Sign-ins to both services: failures, refusals during a backoff, verified passwords",
            description = "Outcomes SIGNED_IN (once per verification, not per request), WRONG_PASSWORD, "
                    + "UNKNOWN_USER (no name recorded), DISABLED, THROTTLED (once per backoff). Filters combine; "
                    + "times are ISO-8601 instants (from inclusive, to exclusive). Page with afterId = the last id "
                    + "of the previous page.")
    ResponseEntity<?> logins(@Valid @ParameterObject LoginQuery query) {
        return jsonOrCsv(
                query.format(),
                "logins",
                signIns.find(
                        query.from(),
                        query.to(),
                        query.user(),
                        query.address(),
                        query.outcome(),
                        query.afterId() == null ? 0 : query.afterId(),
                        query.limit() == null ? 500 : query.limit()),
                List.of("id", "attemptedAt", "user", "clientAddress", "outcome", "service"),
                attempt -> Arrays.asList(
                        attempt.id(),
                        attempt.attemptedAt(),
                        attempt.username(),
                        attempt.clientAddress(),
                        attempt.outcome(),
                        attempt.service()));
    }

    /**
     * Filters of the sign-in record, all optional and combined; times are ISO-8601 instants.
     *
     * @param afterId the last id of the previous page (default 0)
     * @param limit   entries per page (default 500, at most 10,000)
     * @param format  {@code csv} for a CSV download
     */
    record LoginQuery(
            String user,
            String address,
            SignInLog.Outcome outcome,

            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
            Instant from,

            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
            Instant to,

            @Min(0) Long afterId,
            @Min(1) @Max(10000) Integer limit,
            String format) {}

    @GetMapping("/access/verification")
    @Operation(
            summary = "Walk the access log's keyed hash chain and check it against its anchors",
            description = "intact, or the first entry where the chain breaks (missing, reordered, altered, "
                    + "rewritten without the key, not matching an anchor, or the tail cut); with the first entry "
                    + "kept by retention and the last anchor.")
    AccessLog.Verification verify() {
        return accessLog.verify();
    }

    /** The list as JSON, or with {@code format=csv} as a CSV download with this header and one row per item. */
    private static <T> ResponseEntity<?> jsonOrCsv(
            String format, String name, List<T> found, List<String> header, Function<T, List<Object>> row) {
        if (!"csv".equals(format)) {
            return ResponseEntity.ok(found);
        }
        return ResponseEntity.ok()
                .contentType(CSV)
                .header("Content-Disposition", "attachment; filename=\"kiim-" + name + ".csv\"")
                .body(Csv.of(header, found.stream().map(row).toList()));
    }
}
