package de.kiim.events.benefits;

import de.kiim.events.Category;
import de.kiim.events.DataCategory;
import de.kiim.events.Label;
import de.kiim.events.PersonEvent;
import de.kiim.events.PersonId;
import de.kiim.events.privacy.DataSubjectId;
import de.kiim.events.vocabulary.BenefitRegime;
import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/**
 * The person moved from one benefit regime to another (<em>Rechtskreiswechsel</em>), e.g. from AsylbLG to SGB II
 * after recognition. The agency responsible for the person changes with it.
 *
 * @param occurredAt the first day under the new regime
 * @param previous   the regime before, {@code null} for the first one recorded
 */
@Revision("1")
@Label(de = "Rechtskreiswechsel", en = "Benefit regime changed")
@Category(DataCategory.BENEFITS)
public record BenefitRegimeChanged(
        @DataSubjectId PersonId personId, LocalDate occurredAt, BenefitRegime regime, BenefitRegime previous)
        implements PersonEvent {}
