package de.kiim.query.projections;

import de.kiim.platform.web.RuleViolation;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Operators see how far each projection is, which segments are stuck or unclaimed and why (DATA_STEWARD), and
 * rebuild one from the event store.
 */
@RestController
@RequestMapping("/api/v1/admin/projections")
@Tag(name = "Projection administration")
class ProjectionAdminController {

    private final EventProcessingConfiguration processing;
    private final SegmentFailures failures;

    ProjectionAdminController(EventProcessingConfiguration processing, SegmentFailures failures) {
        this.processing = processing;
        this.failures = failures;
    }

    /**
     * One segment of the projection's token store. {@code claimedHere} is false for a segment this instance does
     * not process: claimed by another instance, or by none, as while a failed segment waits to be retried.
     * {@code error} is the failure of this instance's last transaction of the segment, until one commits again.
     */
    record SegmentStatus(int segment, boolean claimedHere, boolean caughtUp, boolean replaying, Long position,
                         boolean errorState, SegmentFailures.Failure error) {
    }

    record ProjectionStatus(String name, boolean running, List<SegmentStatus> segments) {
    }

    @GetMapping
    @Operation(summary = "Status of every projection in this instance")
    List<ProjectionStatus> projections() {
        return processing.eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance)
                .map(StreamingEventProcessor.class::cast)
                .map(this::status)
                .sorted(Comparator.comparing(ProjectionStatus::name))
                .toList();
    }

    @PostMapping("/{name}/replay")
    @Operation(summary = "Rebuild a projection from the first event",
            description = "Resets the projection's tokens and rebuilds it from the first event. The per-agency "
                    + "views are emptied first (links and views are rebuilt together), so persons answer 404 until "
                    + "the replay has caught up: run it outside office hours. With several instances, stop the "
                    + "others first: a token claimed elsewhere cannot be reset.")
    ResponseEntity<ProjectionStatus> replay(@PathVariable String name) {
        StreamingEventProcessor processor = processing.eventProcessor(name, StreamingEventProcessor.class)
                .orElseThrow(() -> RuleViolation.notFound("projection.unknown", "No such projection."));
        processor.shutDown();
        try {
            processor.resetTokens();
        } catch (RuntimeException claimedElsewhere) {
            throw RuleViolation.conflict("projection.claimed-elsewhere",
                    "Another instance holds segments of this projection; stop it before a replay.");
        } finally {
            processor.start();
        }
        return ResponseEntity.accepted().body(status(processor));
    }

    private ProjectionStatus status(StreamingEventProcessor processor) {
        String name = processor.getName();
        Map<Integer, EventTrackerStatus> claimed = processor.processingStatus();
        var segments = IntStream.concat(IntStream.of(processing.tokenStore(name).fetchSegments(name)),
                        claimed.keySet().stream().mapToInt(Integer::intValue))
                .distinct().sorted()
                .mapToObj(segment -> {
                    var error = failures.of(name, segment).orElse(null);
                    EventTrackerStatus status = claimed.get(segment);
                    return status == null ? new SegmentStatus(segment, false, false, false, null, error != null, error)
                            : new SegmentStatus(segment, true, status.isCaughtUp(), status.isReplaying(),
                            position(status.getTrackingToken()), status.isErrorState() || error != null, error);
                })
                .toList();
        return new ProjectionStatus(name, processor.isRunning(), segments);
    }

    private static Long position(TrackingToken token) {
        return token == null ? null : token.position().stream().boxed().findFirst().orElse(null);
    }
}
