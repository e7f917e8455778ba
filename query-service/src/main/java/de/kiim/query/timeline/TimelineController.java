package de.kiim.query.timeline;

import de.kiim.events.vocabulary.Language;
import de.kiim.platform.security.KiimUser;
import de.kiim.platform.web.FieldProblem;
import de.kiim.platform.web.InvalidRequest;
import de.kiim.platform.web.RuleViolation;
import de.kiim.query.accesslog.AccessPurpose;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/persons/{personId}/timeline")
@Tag(name = "Timeline", description = "A person's integration path, step by step")
class TimelineController {

    private static final Instant EARLIEST = Instant.parse("1900-01-01T00:00:00Z");

    private final TimelineReads timelines;
    private final Clock clock;

    TimelineController(TimelineReads timelines, Clock clock) {
        this.timelines = timelines;
        this.clock = clock;
    }

    @GetMapping
    @Operation(
            summary = "Read a person's timeline",
            description = "The entries the caller's agency may see, in the "
                    + "order they were recorded, with only the fields it may read (docs/entitlements.md); titles and labels "
                    + "in German or English by Accept-Language (German by default). 404 for a person the agency does not see. "
                    + "asOf (ISO-8601 instant): only the entries recorded by then, as Kiim knew them.")
    List<TimelineEntry> timeline(
            @PathVariable UUID personId,
            Locale locale,
            @AuthenticationPrincipal KiimUser user,
            @RequestParam(required = false) AccessPurpose purpose,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant asOf) {
        if (asOf != null && (asOf.isAfter(clock.instant()) || asOf.isBefore(EARLIEST))) {
            throw new InvalidRequest(new FieldProblem("asOf", "must lie between 1900 and now"));
        }
        List<TimelineEntry> entries = timelines.timeline(user, personId, asOf, purpose, Language.of(locale));
        // A person the caller's agency does not see does not exist for it: 404, never 403.
        if (entries.isEmpty()) {
            throw RuleViolation.notFound("person.unknown", "No such person.");
        }
        return entries;
    }
}
