package de.kiim.command.education;

import de.kiim.command.api.PersonCommand;
import de.kiim.events.PersonId;
import de.kiim.events.vocabulary.KldbCode;
import de.kiim.events.vocabulary.RecognitionOutcome;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Record a decision on recognising a foreign qualification (<em>Anerkennungsentscheidung erfassen</em>). */
public record RecordRecognitionDecision(
        @TargetAggregateIdentifier PersonId personId,
        LocalDate occurredOn,
        KldbCode referenceOccupation,
        RecognitionOutcome outcome)
        implements PersonCommand {}
