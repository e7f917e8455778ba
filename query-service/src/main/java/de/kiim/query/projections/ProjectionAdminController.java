package de.kiim.query.projections;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

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
    private final Replays replays;
    private final Map<String, ViewBuild> builds;

    ProjectionAdminController(
            EventProcessingConfiguration processing,
            SegmentFailures failures,
            Replays replays,
            List<ViewBuild> builds) {
        this.processing = processing;
        this.failures = failures;
        this.replays = replays;
        this.builds = builds.stream().collect(Collectors.toMap(ViewBuild::view, build -> build));
    }

    /** Who processes a segment: this instance, another live one, or none (as while a failed one waits). */
    enum Claim {
        HERE,
        ELSEWHERE,
        NONE
    }

    /**
     * One segment of the projection's token store. Progress is known only for segments claimed here. {@code error}
     * is the failure of this instance's last transaction of the segment (class and SQL state), until one commits
     * again; for a segment another instance holds, that instance's status tells.
     */
    record SegmentStatus(
            int segment,
            Claim claim,
            boolean caughtUp,
            boolean replaying,
            Long position,
            boolean errorState,
            SegmentFailures.Failure error) {}

    /**
     * {@code deadLetteredPersons}: how many sequences (persons) wait in the projection's dead-letter queue, their
     * events unprojected; null without a queue. {@code build}: for a view the entitlement policy and the directory
     * shape, the policy version it serves and the rebuild it waits for; null for the others.
     */
    record ProjectionStatus(
            String name,
            boolean running,
            Long deadLetteredPersons,
            ViewBuild.Status build,
            List<SegmentStatus> segments) {}

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
    @Operation(
            summary = "Rebuild a projection from the first event",
            description = "Resets the projection's tokens and rebuilds it from the first event. The per-agency "
                    + "views are emptied first (links and views are rebuilt together), so persons answer 404 until "
                    + "the replay has caught up: run it outside office hours. With several instances, stop the "
                    + "others first: a token claimed elsewhere cannot be reset.")
    ResponseEntity<ProjectionStatus> replay(@PathVariable String name) {
        replays.replay(name);
        return ResponseEntity.accepted().body(status(replays.processor(name)));
    }

    private ProjectionStatus status(StreamingEventProcessor processor) {
        String name = processor.getName();
        TokenStore tokens = processing.tokenStore(name);
        Map<Integer, EventTrackerStatus> claimed = processor.processingStatus();
        Set<Integer> claimable = tokens.fetchAvailableSegments(name).stream()
                .map(Segment::getSegmentId)
                .collect(Collectors.toSet());
        var segments = IntStream.concat(
                        IntStream.of(tokens.fetchSegments(name)),
                        claimed.keySet().stream().mapToInt(Integer::intValue))
                .distinct()
                .sorted()
                .mapToObj(segment -> {
                    EventTrackerStatus status = claimed.get(segment);
                    if (status == null && !claimable.contains(segment)) {
                        return new SegmentStatus(segment, Claim.ELSEWHERE, false, false, null, false, null);
                    }
                    var error = failures.of(name, segment).orElse(null);
                    return status == null
                            ? new SegmentStatus(segment, Claim.NONE, false, false, null, error != null, error)
                            : new SegmentStatus(
                                    segment,
                                    Claim.HERE,
                                    status.isCaughtUp(),
                                    status.isReplaying(),
                                    position(status.getTrackingToken()),
                                    status.isErrorState() || error != null,
                                    error);
                })
                .toList();
        Long deadLettered = processing
                .deadLetterQueue(name)
                .map(queue -> queue.amountOfSequences())
                .orElse(null);
        ViewBuild.Status build =
                builds.containsKey(name) ? builds.get(name).status().orElse(null) : null;
        return new ProjectionStatus(name, processor.isRunning(), deadLettered, build, segments);
    }

    private static Long position(TrackingToken token) {
        return token == null
                ? null
                : token.position().stream().boxed().findFirst().orElse(null);
    }
}
