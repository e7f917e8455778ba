package de.kiim.command.api;

import de.kiim.events.vocabulary.AgencyKind;
import de.kiim.platform.entitlements.EntitlementPolicy;
import de.kiim.platform.web.RuleViolation;
import java.util.Set;
import java.util.stream.Collectors;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.util.ClassUtils;

/**
 * The entitlement policy's {@code sends}, enforced on the command bus, so that every path a command can take
 * (REST, bulk import, scheduled jobs) meets the same gate: a step outside the sending agency's kind answers 403
 * and writes nothing, before anything about the person is looked at. Whether the agency is linked to the person is
 * the person's own rule ({@code Person#checkSharedRules}). At start-up every command the policy names must exist,
 * so a misspelt name cannot silently withhold (or, after a rename, grant) a command.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class CommandPolicy implements MessageHandlerInterceptor<CommandMessage<?>>, InitializingBean {

    private final EntitlementPolicy policy;

    CommandPolicy(EntitlementPolicy policy) {
        this.policy = policy;
    }

    @Override
    public void afterPropertiesSet() {
        Set<String> unknown = policy.unknownCommands(knownCommands());
        if (!unknown.isEmpty()) {
            throw new IllegalStateException("The entitlement policy names unknown commands: " + unknown);
        }
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        CommandMessage<?> command = unitOfWork.getMessage();
        if (command.getPayload() instanceof PersonCommand step) {
            requireMaySend(Caller.of(command).kind(), step.getClass());
        }
        return chain.proceed();
    }

    /** Throws a 403 {@link RuleViolation} unless an agency of {@code kind} may send the step. */
    public void requireMaySend(AgencyKind kind, Class<? extends PersonCommand> step) {
        if (!policy.maySend(kind, step.getSimpleName())) {
            throw new RuleViolation(
                    HttpStatus.FORBIDDEN,
                    "policy.command-not-allowed",
                    "The entitlements of your agency do not include this step.");
        }
    }

    /** Simple names of every step command of the command service. */
    static Set<String> knownCommands() {
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AssignableTypeFilter(PersonCommand.class));
        return scanner.findCandidateComponents("de.kiim.command").stream()
                .map(candidate -> ClassUtils.getShortName(candidate.getBeanClassName()))
                .collect(Collectors.toUnmodifiableSet());
    }
}
