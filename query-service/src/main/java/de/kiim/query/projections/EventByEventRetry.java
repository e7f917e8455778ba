package de.kiim.query.projections;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.annotation.HandlerEnhancerDefinition;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.messaging.annotation.WrappedMessageHandlingMember;
import org.axonframework.messaging.deadletter.Decisions;
import org.axonframework.messaging.deadletter.ThrowableCause;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A failing event is dead-lettered, even when its write fails only at commit.
 * <p>
 * Projections send their writes when the batch's transaction commits ({@link OrderedWrites}). A write the
 * database refuses then fails the commit, not the event's handler, so Axon's dead-lettering invoker never sees it:
 * the processor rolls back, retries the same batch, and fails again, forever, while its segment drops out of the
 * status. Instead, when a segment's transaction fails ({@link SegmentFailures}), its next one runs event by event:
 * each handler invocation in a savepoint of its own, its writes sent at once. A refused write then fails its
 * handler; the savepoint is rolled back, the dead-letter queue takes the event (and, in order, the person's later
 * events), and the other events of the batch are projected. The first commit that succeeds returns the segment to
 * batched writes. Dead letters keep only the failure's class and SQL state, never its message.
 */
@Configuration(proxyBeanMethods = false)
class EventByEventRetry {

    private static final String EVENT_BY_EVENT = EventByEventRetry.class.getName();

    @Bean
    ConfigurerModule failedSegmentsRetryEventByEvent(SegmentFailures failures) {
        return configurer -> configurer
                .eventProcessing()
                .registerDefaultHandlerInterceptor((config, processor) -> watch(processor, failures))
                .registerDefaultDeadLetterPolicy(config -> (letter, cause) -> Decisions.enqueue(new ThrowableCause(
                        cause.getClass().getName(),
                        SegmentFailures.Failure.of(cause).message())));
    }

    /** Once per transaction of a segment: records how it ends, and decides whether it runs event by event. */
    private static MessageHandlerInterceptor<EventMessage<?>> watch(String processor, SegmentFailures failures) {
        // Where Axon's streaming processors put the segment a unit of work processes (WorkPackage, 4.x).
        String segmentKey = "Processor[" + processor + "]/SegmentId";
        return (unitOfWork, chain) -> {
            if (unitOfWork.resources().get(segmentKey) instanceof Integer segment
                    && !unitOfWork.resources().containsKey(EVENT_BY_EVENT)) {
                unitOfWork
                        .resources()
                        .put(EVENT_BY_EVENT, failures.of(processor, segment).isPresent());
                unitOfWork.onRollback(u -> failures.failed(
                        processor,
                        segment,
                        u.getExecutionResult() == null
                                ? null
                                : u.getExecutionResult().getExceptionResult()));
                unitOfWork.afterCommit(u -> failures.committed(processor, segment));
            }
            return chain.proceed();
        };
    }

    /** In a transaction running event by event, every event handler runs in a savepoint and writes at once. */
    @Bean
    HandlerEnhancerDefinition savepointPerEventWhenRetrying(PlatformTransactionManager transactionManager) {
        TransactionTemplate savepoint = new TransactionTemplate(transactionManager);
        savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        return new HandlerEnhancerDefinition() {
            @Override
            public <T> MessageHandlingMember<T> wrapHandler(MessageHandlingMember<T> original) {
                return new WrappedMessageHandlingMember<>(original) {
                    @Override
                    public Object handle(Message<?> message, T target) throws Exception {
                        if (!(message instanceof EventMessage<?>) || !eventByEvent()) {
                            return super.handle(message, target);
                        }
                        return inSavepoint(savepoint, () -> super.handle(message, target));
                    }
                };
            }
        };
    }

    private static boolean eventByEvent() {
        return CurrentUnitOfWork.isStarted()
                && Boolean.TRUE.equals(CurrentUnitOfWork.get().resources().get(EVENT_BY_EVENT));
    }

    private interface Handling {
        Object handle() throws Exception;
    }

    /** Carries a handler's checked exception through the transaction template, which rolls back on it. */
    private static final class Failed extends RuntimeException {
        Failed(Exception cause) {
            super(cause);
        }
    }

    private static Object inSavepoint(TransactionTemplate savepoint, Handling handling) throws Exception {
        try {
            return savepoint.execute(status -> OrderedWrites.atOnce(() -> {
                try {
                    return handling.handle();
                } catch (RuntimeException e) {
                    throw e;
                } catch (Exception e) {
                    throw new Failed(e);
                }
            }));
        } catch (Failed failed) {
            throw (Exception) failed.getCause();
        }
    }
}
