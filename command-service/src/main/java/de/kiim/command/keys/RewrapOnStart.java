package de.kiim.command.keys;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Finishes a KEK rotation at start-up: keys still wrapped by a previous KEK are re-wrapped with the current. */
@Component
class RewrapOnStart {

    private static final Logger log = LoggerFactory.getLogger(RewrapOnStart.class);

    private final KeyRewrapping rewrapping;

    RewrapOnStart(KeyRewrapping rewrapping) {
        this.rewrapping = rewrapping;
    }

    @EventListener(ApplicationReadyEvent.class)
    void rewrap() {
        int rewrapped = rewrapping.rewrapAll();
        if (rewrapped > 0) {
            log.info("Re-wrapped {} key(s) with the current key-encryption key", rewrapped);
        }
    }
}
