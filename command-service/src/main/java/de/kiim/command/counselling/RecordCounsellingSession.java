package de.kiim.command.counselling;

import de.kiim.command.api.PersonCommand;
import de.kiim.events.PersonId;
import de.kiim.events.vocabulary.CounsellingTopic;
import java.time.LocalDate;
import java.util.Set;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Record a counselling session (<em>Beratungsgespräch erfassen</em>). */
public record RecordCounsellingSession(
        @TargetAggregateIdentifier PersonId personId,
        LocalDate occurredOn,
        Set<CounsellingTopic> topics,
        String agreedNextSteps)
        implements PersonCommand {}
