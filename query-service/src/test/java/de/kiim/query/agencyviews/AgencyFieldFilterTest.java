package de.kiim.query.agencyviews;

import static org.assertj.core.api.Assertions.assertThat;

import de.kiim.events.PersonId;
import de.kiim.events.benefits.BenefitRegimeChanged;
import de.kiim.events.counselling.CounsellingSessionHeld;
import de.kiim.events.person.PersonMovedAway;
import de.kiim.events.person.PersonMovedWithinDistrict;
import de.kiim.events.person.PersonRegistered;
import de.kiim.events.vocabulary.AgeBand;
import de.kiim.events.vocabulary.AgencyKind;
import de.kiim.events.vocabulary.BenefitRegime;
import de.kiim.events.vocabulary.CounsellingTopic;
import de.kiim.events.vocabulary.CountryCode;
import de.kiim.events.vocabulary.MunicipalityCode;
import de.kiim.events.vocabulary.Sex;
import de.kiim.platform.entitlements.EntitlementPolicy;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * The per-agency field rule of the signed-off policy, case by case and without a database. The property test
 * beside it ({@code AgencyViewsPropertiesTest}) checks the views written from it over random histories.
 */
class AgencyFieldFilterTest {

    private static final BooleanSupplier NOT_ASKED = () -> {
        throw new AssertionError("own record asked for a category the kind reads of everyone");
    };
    private static final LocalDate DAY = LocalDate.of(2025, 3, 4);

    private final AgencyFieldFilter filter = new AgencyFieldFilter(EntitlementPolicy.defaultPolicy());
    private final PersonId person = PersonId.random();

    private final PersonRegistered registered = new PersonRegistered(
            person,
            DAY,
            "Testfall",
            "Erika",
            LocalDate.of(1990, 1, 2),
            Sex.FEMALE,
            CountryCode.of("SY"),
            LocalDate.of(2024, 5, 6),
            "123456789012",
            MunicipalityCode.of("15085135"),
            AgeBand.on(LocalDate.of(2024, 5, 6), LocalDate.of(1990, 1, 2)));

    @Test
    void a_whole_category_is_seen_with_every_field_and_the_day_but_not_the_person_id() {
        var visible = filter.filter(AgencyKind.JOBCENTER, registered, NOT_ASKED).orElseThrow();

        assertThat(names(visible))
                .containsExactlyInAnyOrder(
                        "occurredAt",
                        "familyName",
                        "givenNames",
                        "dateOfBirth",
                        "sex",
                        "nationality",
                        "entryDate",
                        "azrNumber",
                        "municipality",
                        "ageBand");
        assertThat(visible.fields().get("azrNumber").asText()).isEqualTo("123456789012");
        assertThat(visible.wholeCategory()).isTrue();
    }

    @Test
    void a_category_read_in_part_keeps_only_the_named_fields() {
        var visible = filter.filter(AgencyKind.SPRACHKURSTRAEGER, registered, NOT_ASKED)
                .orElseThrow();

        assertThat(names(visible)).containsExactlyInAnyOrder("occurredAt", "familyName", "givenNames", "dateOfBirth");
        assertThat(visible.wholeCategory()).isFalse();
        assertThat(visible.readable().includes("azrNumber")).isFalse();
    }

    @Test
    void of_a_category_read_in_part_an_event_without_a_readable_value_is_not_seen_at_all() {
        // A move says where someone lives, even with every field removed.
        var moved = new PersonMovedWithinDistrict(person, DAY, MunicipalityCode.of("15085235"));
        var away = new PersonMovedAway(person, DAY, null);

        assertThat(filter.filter(AgencyKind.SPRACHKURSTRAEGER, moved, NOT_ASKED))
                .isEmpty();
        assertThat(filter.filter(AgencyKind.SPRACHKURSTRAEGER, away, NOT_ASKED)).isEmpty();
        assertThat(filter.filter(AgencyKind.AUSLAENDERBEHOERDE, away, NOT_ASKED))
                .isPresent();
    }

    @Test
    void a_category_the_kind_does_not_read_is_not_seen() {
        var benefits = new BenefitRegimeChanged(person, DAY, BenefitRegime.SGB_II, null);

        assertThat(filter.filter(AgencyKind.AUSLAENDERBEHOERDE, benefits, NOT_ASKED))
                .isEmpty();
        assertThat(filter.filter(AgencyKind.SPRACHKURSTRAEGER, benefits, NOT_ASKED))
                .isEmpty();
        assertThat(filter.filter(AgencyKind.JOBCENTER, benefits, NOT_ASKED)).isPresent();
    }

    @Test
    void own_records_only_are_seen_only_when_they_are_the_agencys_own_and_asked_only_then() {
        var session = new CounsellingSessionHeld(
                person, DAY, Set.of(CounsellingTopic.RESIDENCE_LAW), "Termin bei der Ausländerbehörde vereinbaren");
        var asked = new AtomicInteger();

        assertThat(filter.filter(AgencyKind.MIGRATIONSBERATUNG, session, () -> {
                    asked.incrementAndGet();
                    return false;
                }))
                .isEmpty();
        var own = filter.filter(AgencyKind.MIGRATIONSBERATUNG, session, () -> {
                    asked.incrementAndGet();
                    return true;
                })
                .orElseThrow();

        assertThat(asked).hasValue(2);
        assertThat(names(own)).containsExactlyInAnyOrder("occurredAt", "topics", "agreedNextSteps");
    }

    @Test
    void the_integration_management_sees_the_topics_of_a_session_never_what_was_agreed() {
        var session = new CounsellingSessionHeld(
                person, DAY, Set.of(CounsellingTopic.RESIDENCE_LAW), "Termin bei der Ausländerbehörde vereinbaren");

        var visible = filter.filter(AgencyKind.INTEGRATIONSMANAGEMENT, session, NOT_ASKED)
                .orElseThrow();

        assertThat(names(visible)).containsExactlyInAnyOrder("occurredAt", "topics");
        assertThat(visible.fields().toString()).doesNotContain("Termin");
        assertThat(visible.wholeCategory())
                .as("so the author's agency stays hidden")
                .isFalse();
    }

    @Test
    void a_type_without_a_category_is_nobodys() {
        for (AgencyKind kind : AgencyKind.values()) {
            assertThat(filter.filter(kind, "not an event", NOT_ASKED)).isEmpty();
        }
    }

    private static List<String> names(AgencyFieldFilter.Visible visible) {
        List<String> names = new ArrayList<>();
        visible.fields().fieldNames().forEachRemaining(names::add);
        return names;
    }
}
