package de.kiim.platform.database;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * For forgetting cached state of something a transaction deletes: forgetting it only before the commit leaves a
 * window in which a concurrent read still sees the committed row and caches it again, for as long as the cache
 * keeps entries. So forget at once and, inside a Spring transaction (Axon's units of work run in one), once more
 * after it commits.
 */
public final class AfterCommit {

    private AfterCommit() {}

    /** Runs {@code forget} now and, in a transaction, again after it commits. */
    public static void forgetNowAndAfterCommit(Runnable forget) {
        forget.run();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    forget.run();
                }
            });
        }
    }
}
