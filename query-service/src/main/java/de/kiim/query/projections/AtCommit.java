package de.kiim.query.projections;

import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Writes a projection collects during a transaction and sends to the database just before it commits, as one
 * JDBC batch instead of a statement per event. A processor handles a batch of events in one transaction, so
 * this turns hundreds of round trips into a few. Writes land in the same transaction as the processor's token,
 * so nothing is lost or applied twice.
 */
public final class AtCommit {

    private AtCommit() {}

    /**
     * The pending writes of {@code owner} in the current transaction, created on first use together with the
     * callback that flushes them; empty outside a transaction (callers then write at once).
     */
    public static <T> Optional<T> pending(Object owner, Supplier<T> create, Consumer<T> flush) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return Optional.empty();
        }
        @SuppressWarnings("unchecked")
        T pending = (T) TransactionSynchronizationManager.getResource(owner);
        if (pending == null) {
            T created = create.get();
            TransactionSynchronizationManager.bindResource(owner, created);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void beforeCommit(boolean readOnly) {
                    flush.accept(created);
                }

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(owner);
                }
            });
            pending = created;
        }
        return Optional.of(pending);
    }
}
