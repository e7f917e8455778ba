package de.kiim.query.projections;

import de.kiim.platform.web.RuleViolation;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.IllegalPayloadAccessException;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The events a projection could not handle (DATA_STEWARD): listed per person with what failed — the event type
 * and the failure's class and SQL state, never a payload — retried once the cause is fixed, or evicted. A person's
 * later events wait behind their dead letters; everyone else's go on.
 */
@RestController
@RequestMapping("/api/v1/admin/projections/{name}/dead-letters")
@Tag(name = "Projection administration")
@Validated
class DeadLetterAdminController {

    private final EventProcessingConfiguration processing;

    DeadLetterAdminController(EventProcessingConfiguration processing) {
        this.processing = processing;
    }

    /** One event waiting in the queue. */
    record Letter(
            String eventType,
            Long sequenceNumber,
            Instant enqueuedAt,
            Instant lastTouched,
            String cause,
            String causeDetail) {}

    /** The dead letters of one stream — a person's, or an agency's for a directory event — oldest first. */
    record Sequence(String personId, List<Letter> letters) {}

    record Retried(int attempted, long stillDeadLettered) {}

    @GetMapping
    @Operation(summary = "The persons whose events wait in the projection's dead-letter queue")
    List<Sequence> list(@PathVariable String name, @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit) {
        List<Sequence> sequences = new ArrayList<>();
        for (Iterable<DeadLetter<? extends EventMessage<?>>> sequence :
                queue(name).deadLetters()) {
            if (sequences.size() == limit) {
                break;
            }
            String personId = null;
            List<Letter> letters = new ArrayList<>();
            for (DeadLetter<? extends EventMessage<?>> letter : sequence) {
                EventMessage<?> event = letter.message();
                Long number = null;
                if (event instanceof DomainEventMessage<?> domain) {
                    personId = domain.getAggregateIdentifier();
                    number = domain.getSequenceNumber();
                }
                letters.add(new Letter(
                        event.getPayloadType().getSimpleName(),
                        number,
                        letter.enqueuedAt(),
                        letter.lastTouched(),
                        letter.cause().map(cause -> cause.type()).orElse(null),
                        letter.cause().map(cause -> cause.message()).orElse(null)));
            }
            sequences.add(new Sequence(personId, letters));
        }
        return sequences;
    }

    @PostMapping("/retry")
    @Operation(
            summary = "Retry every dead-lettered person once",
            description = "Each person's letters are handled again in order; those that fail again stay.")
    Retried retry(@PathVariable String name) {
        var processor = processing.sequencedDeadLetterProcessor(name).orElseThrow(DeadLetterAdminController::unknown);
        long sequences = queue(name).amountOfSequences();
        int attempted = 0;
        while (attempted < sequences) {
            try {
                if (!processor.processAny()) {
                    break;
                }
                attempted++;
            } catch (IllegalPayloadAccessException failedAtCommit) {
                // The views write at commit: a letter that fails again there rolls back untouched, and would be
                // picked again at once. It stays; the round ends.
                attempted++;
                break;
            }
        }
        return new Retried(attempted, queue(name).amountOfSequences());
    }

    @DeleteMapping("/{streamId}")
    @Operation(
            summary = "Give up on the dead letters of a person (or of an agency, for a directory event)",
            description = "Their events are not projected; a replay of the projection would meet them again.")
    ResponseEntity<Void> evict(
            @PathVariable String name,
            @PathVariable @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9-]+") String streamId) {
        SequencedDeadLetterQueue<EventMessage<?>> queue = queue(name);
        List<DeadLetter<? extends EventMessage<?>>> letters = new ArrayList<>();
        queue.deadLetterSequence(streamId).forEach(letters::add);
        if (letters.isEmpty()) {
            throw RuleViolation.notFound("dead-letters.none", "No dead letters of this stream in this projection.");
        }
        letters.forEach(queue::evict);
        return ResponseEntity.noContent().build();
    }

    private SequencedDeadLetterQueue<EventMessage<?>> queue(String name) {
        return processing.deadLetterQueue(name).orElseThrow(DeadLetterAdminController::unknown);
    }

    private static RuleViolation unknown() {
        return RuleViolation.notFound("projection.unknown", "No such projection with a dead-letter queue.");
    }
}
