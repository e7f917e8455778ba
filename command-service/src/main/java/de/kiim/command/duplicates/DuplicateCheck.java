package de.kiim.command.duplicates;

import de.kiim.command.api.Caller;
import de.kiim.command.api.CommandPolicy;
import de.kiim.command.person.RegisterPerson;
import de.kiim.platform.web.RuleViolation;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.stereotype.Component;

/**
 * Before a registration: is this person perhaps registered already? The same AZR number is always a conflict; the
 * same folded names and date of birth is one unless the caller has confirmed, by naming the candidates, that the
 * new person is someone else. The answer names the candidates only when the caller's agency sees every one of
 * them; otherwise it says that a likely duplicate exists and whom to ask, so that names, a birth date or an AZR
 * number never buy the id of a person the caller may not see. Runs on the command bus for every registration, REST
 * and import alike, and only after the entitlement gate: an agency that may not register learns nothing.
 */
@Component
public class DuplicateCheck implements MessageHandlerInterceptor<CommandMessage<?>> {

    private static final String ASK = " Your agency does not see that person: ask the integration management.";

    private final BlindIndex blindIndex;
    private final BlindIndexes indexes;
    private final PersonVisibility visibility;

    private final CommandPolicy policy;

    DuplicateCheck(BlindIndex blindIndex, BlindIndexes indexes, PersonVisibility visibility, CommandPolicy policy) {
        this.blindIndex = blindIndex;
        this.indexes = indexes;
        this.visibility = visibility;
        this.policy = policy;
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        CommandMessage<?> command = unitOfWork.getMessage();
        if (command.getPayload() instanceof RegisterPerson registration) {
            Caller caller = Caller.of(command);
            // The gate again, whatever order the bus runs its interceptors in: entitlement before any answer.
            policy.requireMaySend(caller.kind(), RegisterPerson.class);
            requireNoLikelyDuplicate(
                    caller,
                    registration.familyName(),
                    registration.givenNames(),
                    registration.dateOfBirth(),
                    registration.azrNumber(),
                    registration.confirmedDistinctFrom());
        }
        return chain.proceed();
    }

    /** Throws a 409 {@link RuleViolation} when the person is likely registered, naming candidates the caller sees. */
    public void requireNoLikelyDuplicate(
            Caller caller,
            String familyName,
            String givenNames,
            LocalDate dateOfBirth,
            String azrNumber,
            Collection<UUID> confirmedDistinctFrom) {
        if (azrNumber != null) {
            List<UUID> holder = indexes.personsWith(BlindIndexes.AZR, blindIndex.ofAzrNumber(azrNumber));
            if (!holder.isEmpty()) {
                throw azrTaken(holder, allSeen(caller, holder));
            }
        }
        List<UUID> candidates = indexes
                .personsWith(BlindIndexes.NAME_BIRTH, blindIndex.ofNameAndBirth(familyName, givenNames, dateOfBirth))
                .stream()
                .filter(candidate -> !confirmedDistinctFrom.contains(candidate))
                .toList();
        if (candidates.isEmpty()) {
            return;
        }
        String detail = "A person with the same names and date of birth is already registered.";
        if (!allSeen(caller, candidates)) {
            throw RuleViolation.conflict("person.likely-duplicate", detail + ASK);
        }
        throw RuleViolation.conflict(
                        "person.likely-duplicate",
                        detail + " If this is someone else, repeat the "
                                + "registration with the candidates' ids in confirmedDistinctFrom.")
                .with("candidates", candidates);
    }

    private boolean allSeen(Caller caller, List<UUID> persons) {
        return persons.stream().allMatch(person -> visibility.sees(caller, person));
    }

    static RuleViolation azrTaken(List<UUID> holder, boolean seen) {
        String detail = "A person with this AZR number is already registered.";
        return seen
                ? RuleViolation.conflict("azr-number.registered", detail).with("candidates", holder)
                : RuleViolation.conflict("azr-number.registered", detail + ASK);
    }
}
