package de.kiim.command.api;

import de.kiim.platform.entitlements.EntitlementPolicy;
import de.kiim.platform.security.KiimUser;
import de.kiim.platform.web.RuleViolation;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.util.ClassUtils;

import java.util.Set;
import java.util.stream.Collectors;

/**
 * The entitlement policy's {@code sends}, enforced: a step outside the caller's agency kind answers 403 and writes
 * nothing. At start-up every command the policy names must exist, so a misspelt name cannot silently withhold (or,
 * after a rename, grant) a command.
 */
@Component
public class CommandPolicy implements InitializingBean {

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

    /** Throws a 403 {@link RuleViolation} unless the user's agency kind may send the step. */
    public void requireAllowed(KiimUser user, Class<? extends PersonCommand> step) {
        if (!policy.maySend(user.agencyKind(), step.getSimpleName())) {
            throw new RuleViolation(HttpStatus.FORBIDDEN, "policy.command-not-allowed",
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
