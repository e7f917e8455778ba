package de.kiim.command.keys;

import de.kiim.platform.crypto.PersonKeyStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** Finishes a KEK rotation at start-up: data keys still wrapped by a previous KEK are re-wrapped with the current. */
@Component
class RewrapOnStart {

    private static final Logger log = LoggerFactory.getLogger(RewrapOnStart.class);

    private final PersonKeyStore keys;
    private final TransactionTemplate transactions;

    RewrapOnStart(PersonKeyStore keys, TransactionTemplate transactions) {
        this.keys = keys;
        this.transactions = transactions;
    }

    @EventListener(ApplicationReadyEvent.class)
    void rewrap() {
        Integer rewrapped = transactions.execute(status -> keys.rewrapAll());
        if (rewrapped != null && rewrapped > 0) {
            log.info("Re-wrapped {} data key(s) with the current key-encryption key", rewrapped);
        }
    }
}
