package de.kiim.events.language;

import de.kiim.events.Category;
import de.kiim.events.DataCategory;
import de.kiim.events.Label;
import de.kiim.events.PersonEvent;
import de.kiim.events.PersonId;
import de.kiim.events.privacy.DataSubjectId;
import de.kiim.events.vocabulary.AssessmentMethod;
import de.kiim.events.vocabulary.CefrLevel;
import de.kiim.events.vocabulary.LanguageSkill;
import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/**
 * A person's German was assessed for one skill (<em>Sprachstand festgestellt</em>).
 *
 * @param occurredAt the day of the assessment
 */
@Revision("1")
@Label(de = "Sprachstand festgestellt", en = "Language level assessed")
@Category(DataCategory.LANGUAGE)
public record LanguageLevelAssessed(
        @DataSubjectId PersonId personId,
        LocalDate occurredAt,
        LanguageSkill skill,
        CefrLevel level,
        AssessmentMethod method)
        implements PersonEvent {}
