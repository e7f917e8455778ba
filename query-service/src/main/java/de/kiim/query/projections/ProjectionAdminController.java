package de.kiim.query.projections;

import de.kiim.platform.web.RuleViolation;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.config.EventProcessingConfiguration;
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

/** Operators see how far each projection is and rebuild one from the event store (DATA_STEWARD). */
@RestController
@RequestMapping("/api/v1/admin/projections")
@Tag(name = "Projection administration")
class ProjectionAdminController {

    private final EventProcessingConfiguration processing;

    ProjectionAdminController(EventProcessingConfiguration processing) {
        this.processing = processing;
    }

    record SegmentStatus(int segment, boolean caughtUp, boolean replaying, Long position, boolean errorState) {
    }

    record ProjectionStatus(String name, boolean running, List<SegmentStatus> segments) {
    }

    @GetMapping
    @Operation(summary = "Status of every projection in this instance")
    List<ProjectionStatus> projections() {
        return processing.eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance)
                .map(StreamingEventProcessor.class::cast)
                .map(ProjectionAdminController::status)
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

    private static ProjectionStatus status(StreamingEventProcessor processor) {
        var segments = processor.processingStatus().values().stream()
                .map(status -> new SegmentStatus(status.getSegment().getSegmentId(), status.isCaughtUp(),
                        status.isReplaying(), position(status.getTrackingToken()), status.isErrorState()))
                .sorted(Comparator.comparingInt(SegmentStatus::segment))
                .toList();
        return new ProjectionStatus(processor.getName(), processor.isRunning(), segments);
    }

    private static Long position(TrackingToken token) {
        return token == null ? null : token.position().stream().boxed().findFirst().orElse(null);
    }
}
