package de.kiim.platform.entitlements;

import static org.assertj.core.api.Assertions.assertThat;

import de.kiim.events.PersonId;
import de.kiim.events.benefits.BenefitRegimeChanged;
import de.kiim.events.consent.AgencyAccessEnded;
import de.kiim.events.consent.CaseSharedWithAgency;
import de.kiim.events.consent.ConsentGiven;
import de.kiim.events.consent.ConsentWithdrawn;
import de.kiim.events.course.CourseEnrolled;
import de.kiim.events.person.PersonRegistered;
import de.kiim.events.vocabulary.AgeBand;
import de.kiim.events.vocabulary.AgencyKind;
import de.kiim.events.vocabulary.BenefitRegime;
import de.kiim.events.vocabulary.ConsentPurpose;
import de.kiim.events.vocabulary.CountryCode;
import de.kiim.events.vocabulary.CourseType;
import de.kiim.events.vocabulary.LegalBasis;
import de.kiim.events.vocabulary.MunicipalityCode;
import de.kiim.events.vocabulary.Sex;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The one link rule, without a database: facts folded from events, grounds under the shipped policy. */
class LinkRulesTest {

    private static final Map<String, AgencyKind> DISTRICT = Map.of(
            "abh",
            AgencyKind.AUSLAENDERBEHOERDE,
            "abh-2",
            AgencyKind.AUSLAENDERBEHOERDE,
            "jc",
            AgencyKind.JOBCENTER,
            "sozial",
            AgencyKind.SOZIALAMT,
            "mbe",
            AgencyKind.MIGRATIONSBERATUNG,
            "vhs",
            AgencyKind.SPRACHKURSTRAEGER,
            "kim",
            AgencyKind.INTEGRATIONSMANAGEMENT,
            "afa",
            AgencyKind.AGENTUR_FUER_ARBEIT);

    private final LinkRules rules = new LinkRules(EntitlementPolicy.defaultPolicy());
    private final PersonId person = PersonId.random();
    private final LocalDate day = LocalDate.of(2024, 5, 2);

    private LinkFacts registered() {
        return LinkFacts.NONE.next(
                new PersonRegistered(
                        person,
                        day,
                        "Testperson",
                        "A",
                        LocalDate.of(1990, 1, 1),
                        Sex.FEMALE,
                        CountryCode.of("SYR"),
                        day,
                        null,
                        MunicipalityCode.of("15085135"),
                        AgeBand.on(day, LocalDate.of(1990, 1, 1))),
                "abh");
    }

    @Test
    void a_registered_person_is_seen_by_the_registering_agency_and_integration_management_only() {
        assertThat(rules.links(registered(), DISTRICT))
                .isEqualTo(Map.of("abh", java.util.Set.of("REGISTERED"), "kim", java.util.Set.of("ALL_PERSONS")));
    }

    @Test
    void each_link_event_adds_and_removes_exactly_its_ground() {
        LinkFacts facts = registered()
                .next(new BenefitRegimeChanged(person, day, BenefitRegime.SGB_II, null), "jc")
                .next(
                        new ConsentGiven(person, day, ConsentPurpose.COUNSELLING, "mbe", LegalBasis.GDPR_6_1_A, "E"),
                        "abh")
                .next(new CaseSharedWithAgency(person, day, "sozial", LegalBasis.SGB_X_69), "abh")
                .next(
                        new CourseEnrolled(person, UUID.randomUUID(), day, CourseType.INTEGRATION_GENERAL, day, "vhs"),
                        "abh");
        var links = rules.links(facts, DISTRICT);
        assertThat(links.get("jc")).containsExactly("BENEFIT_REGIME");
        assertThat(links.get("mbe")).containsExactly("CONSENT:COUNSELLING");
        assertThat(links.get("sozial")).containsExactly("CASE_SHARING");
        assertThat(links.get("vhs")).containsExactly("COURSE_PROVIDER");
        assertThat(links).doesNotContainKeys("abh-2", "afa");
        assertThat(facts.consentRecordedBy(new ConsentKey("mbe", ConsentPurpose.COUNSELLING)))
                .contains("abh");

        LinkFacts ended = facts.next(
                        new BenefitRegimeChanged(person, day, BenefitRegime.SGB_XII, BenefitRegime.SGB_II), "jc")
                .next(new ConsentWithdrawn(person, day, ConsentPurpose.COUNSELLING, "mbe"), "mbe")
                .next(new AgencyAccessEnded(person, day, "sozial"), "abh");
        var after = rules.links(ended, DISTRICT);
        assertThat(after).doesNotContainKeys("jc", "mbe");
        assertThat(after.get("sozial")).containsExactly("BENEFIT_REGIME");
        assertThat(after.get("vhs")).containsExactly("COURSE_PROVIDER");
    }

    @Test
    void a_kind_is_linked_only_by_the_reasons_its_policy_names() {
        LinkFacts consentToVhs = registered()
                .next(
                        new ConsentGiven(person, day, ConsentPurpose.COUNSELLING, "vhs", LegalBasis.GDPR_6_1_A, "E"),
                        "abh");
        assertThat(rules.sees(consentToVhs, "vhs", AgencyKind.SPRACHKURSTRAEGER))
                .isFalse();
        LinkFacts sharedWithVhs =
                registered().next(new CaseSharedWithAgency(person, day, "vhs", LegalBasis.SGB_X_69), "abh");
        assertThat(rules.sees(sharedWithVhs, "vhs", AgencyKind.SPRACHKURSTRAEGER))
                .isFalse();
    }
}
