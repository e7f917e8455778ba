package de.kiim.command.duplicates;

import de.kiim.platform.web.RuleViolation;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * Before a registration: is this person perhaps registered already? The same AZR number is always a conflict; the
 * same folded names and date of birth is one unless the caller has confirmed, by naming the candidates, that the
 * new person is someone else.
 */
@Component
public class DuplicateCheck {

    private final BlindIndex blindIndex;
    private final BlindIndexes indexes;

    DuplicateCheck(BlindIndex blindIndex, BlindIndexes indexes) {
        this.blindIndex = blindIndex;
        this.indexes = indexes;
    }

    /** Throws a 409 {@link RuleViolation} naming the candidates' ids when the person is likely registered. */
    public void requireNoLikelyDuplicate(String familyName, String givenNames, LocalDate dateOfBirth,
                                         String azrNumber, Collection<UUID> confirmedDistinctFrom) {
        if (azrNumber != null) {
            List<UUID> holder = indexes.personsWith(BlindIndexes.AZR, blindIndex.ofAzrNumber(azrNumber));
            if (!holder.isEmpty()) {
                throw azrTaken(holder);
            }
        }
        List<UUID> candidates = indexes.personsWith(BlindIndexes.NAME_BIRTH,
                        blindIndex.ofNameAndBirth(familyName, givenNames, dateOfBirth))
                .stream().filter(candidate -> !confirmedDistinctFrom.contains(candidate)).toList();
        if (!candidates.isEmpty()) {
            throw RuleViolation.conflict("person.likely-duplicate", "A person with the same names and date of "
                            + "birth is already registered. If this is someone else, repeat the registration with "
                            + "the candidates' ids in confirmedDistinctFrom.")
                    .with("candidates", candidates);
        }
    }

    static RuleViolation azrTaken(List<UUID> holder) {
        return RuleViolation.conflict("azr-number.registered",
                "A person with this AZR number is already registered.").with("candidates", holder);
    }
}
