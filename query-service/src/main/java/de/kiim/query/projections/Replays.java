package de.kiim.query.projections;

import de.kiim.platform.web.RuleViolation;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.stereotype.Component;

/** Rebuilds a projection from the first event: the one way, for an operator's request and for an automatic one. */
@Component
public class Replays {

    private final EventProcessingConfiguration processing;

    Replays(EventProcessingConfiguration processing) {
        this.processing = processing;
    }

    StreamingEventProcessor processor(String name) {
        return processing.eventProcessor(name, StreamingEventProcessor.class)
                .orElseThrow(() -> RuleViolation.notFound("projection.unknown", "No such projection."));
    }

    /**
     * Resets the projection's tokens, so that its reset handlers empty it and it rebuilds from the first event.
     * Throws a 409 {@link RuleViolation} while another instance holds segments of it: a token claimed elsewhere
     * cannot be reset.
     */
    public void replay(String name) {
        StreamingEventProcessor processor = processor(name);
        processor.shutDown();
        try {
            processor.resetTokens();
        } catch (RuntimeException claimedElsewhere) {
            throw RuleViolation.conflict("projection.claimed-elsewhere",
                    "Another instance holds segments of this projection; stop it before a replay.");
        } finally {
            processor.start();
        }
    }
}
