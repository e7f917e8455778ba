package de.kiim.query.projections;

import de.kiim.platform.web.RuleViolation;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.springframework.stereotype.Component;

/** Rebuilds a projection from the first event: the one way, for an operator's request and for an automatic one. */
@Component
public class Replays {

    private final EventProcessingConfiguration processing;

    Replays(EventProcessingConfiguration processing) {
        this.processing = processing;
    }

    StreamingEventProcessor processor(String name) {
        return processing
                .eventProcessor(name, StreamingEventProcessor.class)
                .orElseThrow(() -> RuleViolation.notFound("projection.unknown", "No such projection."));
    }

    /**
     * Resets the projection's tokens, so that its reset handlers empty it and it rebuilds from the first event.
     * Throws a 409 {@link RuleViolation} while another instance holds segments of it: a token claimed elsewhere
     * cannot be reset.
     */
    public void replay(String name) {
        StreamingEventProcessor processor = processor(name);
        if (claimedElsewhere(name)) {
            throw claimedElsewhere();
        }
        processor.shutDown();
        try {
            processor.resetTokens();
        } catch (RuntimeException claimedMeanwhile) {
            throw claimedElsewhere();
        } finally {
            processor.start();
        }
    }

    /**
     * Whether another instance holds a segment of the projection, asked of the token store before the processor is
     * stopped: an instance that cannot carry out a replay leaves its own segments running.
     */
    public boolean claimedElsewhere(String name) {
        TokenStore tokens = processing.tokenStore(name);
        return tokens.fetchAvailableSegments(name).size() < tokens.fetchSegments(name).length;
    }

    private static RuleViolation claimedElsewhere() {
        return RuleViolation.conflict(
                "projection.claimed-elsewhere",
                "Another instance holds segments of this projection; stop it before a replay.");
    }
}
