package de.kiim.command;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.commandhandling.gateway.IntervalRetryScheduler;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * When two instances (or two threads) append to one person's stream at once, the event table's unique
 * (aggregate, sequence) constraint rejects the second append with a {@link ConcurrencyException}. Such a command
 * is run again on the fresh state, a few times; only if it keeps losing is it answered 409. Every other failure
 * is final: a broken rule stays broken however often it is tried.
 */
@Configuration
class ConflictRetry implements DisposableBean {

    static final int RETRIES = 5;
    static final int INTERVAL_MILLIS = 20;

    /** Not a bean: Spring would take a lone ScheduledExecutorService bean for running @Scheduled jobs too. */
    private final ScheduledExecutorService commandRetryExecutor = Executors.newScheduledThreadPool(1, runnable -> {
        Thread thread = new Thread(runnable, "command-retry");
        thread.setDaemon(true);
        return thread;
    });

    @Override
    public void destroy() {
        commandRetryExecutor.shutdown();
    }

    @Bean
    CommandGateway commandGateway(CommandBus commandBus) {
        var retry =
                new IntervalRetryScheduler(IntervalRetryScheduler.builder()
                        .retryExecutor(commandRetryExecutor)
                        .retryInterval(INTERVAL_MILLIS)
                        .maxRetryCount(RETRIES)) {
                    @Override
                    protected boolean isExplicitlyNonTransient(Throwable failure) {
                        return !(failure instanceof ConcurrencyException);
                    }
                };
        return DefaultCommandGateway.builder()
                .commandBus(commandBus)
                .retryScheduler(retry)
                .build();
    }
}
