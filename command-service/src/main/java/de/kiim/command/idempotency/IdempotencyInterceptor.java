package de.kiim.command.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.kiim.command.api.CommandDispatch;
import de.kiim.command.api.CommandDispatch.IdempotentAnswer;
import de.kiim.events.PersonId;
import de.kiim.platform.web.RuleViolation;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/**
 * Stores the answer of a keyed command inside the command's own transaction (Axon's command bus opens it before
 * any handler interceptor runs), so the answer is stored exactly when the events are. A concurrent twin of the
 * request loses on the table's primary key and is answered 409; resent, it gets the stored answer.
 */
@Component
class IdempotencyInterceptor implements MessageHandlerInterceptor<CommandMessage<?>> {

    private static final AnnotationCommandTargetResolver TARGET =
            AnnotationCommandTargetResolver.builder().build();

    private final IdempotentRequests requests;
    private final ObjectMapper json;

    IdempotencyInterceptor(IdempotentRequests requests, ObjectMapper json) {
        this.requests = requests;
        this.json = json;
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        CommandMessage<?> command = unitOfWork.getMessage();
        if (!(command.getMetaData().get(CommandDispatch.IDEMPOTENT_ANSWER) instanceof IdempotentAnswer answer)) {
            return chain.proceed();
        }
        var keyed = answer.request();
        try {
            requests.insert(
                    keyed.username(),
                    keyed.key(),
                    PersonId.of(TARGET.resolveTarget(command).getIdentifier()),
                    new StoredAnswer(
                            keyed.fingerprint(),
                            answer.status(),
                            answer.location() == null ? null : answer.location().toString(),
                            null,
                            body(answer)));
        } catch (DuplicateKeyException concurrentTwin) {
            throw RuleViolation.conflict(
                    "idempotency-key.in-flight",
                    "A request with this Idempotency-Key was "
                            + "processed at the same moment; send it again to receive its answer.");
        }
        Object result = chain.proceed();
        if (result instanceof Long version) {
            requests.recordEtag(keyed.username(), keyed.key(), CommandDispatch.entityTag(version));
        }
        return result;
    }

    private String body(IdempotentAnswer answer) throws JsonProcessingException {
        return answer.body() == null ? null : json.writeValueAsString(answer.body());
    }
}
