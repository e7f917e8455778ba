package de.kiim.command.language;

import de.kiim.command.api.PersonCommand;
import de.kiim.events.PersonId;
import de.kiim.events.vocabulary.AssessmentMethod;
import de.kiim.events.vocabulary.CefrLevel;
import de.kiim.events.vocabulary.LanguageSkill;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Record an assessment of the person's German (<em>Sprachstand erfassen</em>). */
public record AssessLanguageLevel(
        @TargetAggregateIdentifier PersonId personId,
        LocalDate occurredOn,
        LanguageSkill skill,
        CefrLevel level,
        AssessmentMethod method)
        implements PersonCommand {}
