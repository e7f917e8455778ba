package de.kiim.platform.entitlements;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.kiim.events.DataCategory;
import de.kiim.events.vocabulary.AgencyKind;
import de.kiim.events.vocabulary.BenefitRegime;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class EntitlementPolicyTest {

    private static EntitlementPolicy load(String yaml) {
        return EntitlementPolicy.load(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void the_shipped_policy_grants_what_docs_say() {
        var policy = EntitlementPolicy.defaultPolicy();
        assertThat(policy.version()).isEqualTo(3);
        assertThat(policy.kinds()).containsOnlyKeys(AgencyKind.values());
        assertThat(policy.of(AgencyKind.JOBCENTER).benefitRegimes()).containsExactly(BenefitRegime.SGB_II);
        assertThat(policy.of(AgencyKind.SPRACHKURSTRAEGER).ownRecordsOnly()).containsExactly(DataCategory.LANGUAGE);
        assertThat(policy.maySend(AgencyKind.AUSLAENDERBEHOERDE, "RegisterPerson"))
                .isTrue();
        assertThat(policy.maySend(AgencyKind.SPRACHKURSTRAEGER, "RegisterPerson"))
                .isFalse();
        assertThat(policy.readable(AgencyKind.AUSLAENDERBEHOERDE, DataCategory.COUNSELLING))
                .isEmpty();
        var course = policy.readable(AgencyKind.SPRACHKURSTRAEGER, DataCategory.BASE_DATA)
                .orElseThrow();
        assertThat(course.includes("familyName")).isTrue();
        assertThat(course.includes("azrNumber")).isFalse();
        var counselling = policy.readable(AgencyKind.INTEGRATIONSMANAGEMENT, DataCategory.COUNSELLING)
                .orElseThrow();
        assertThat(counselling.includes("topics")).isTrue();
        assertThat(counselling.includes("agreedNextSteps")).isFalse();
        assertThat(policy.mayHandOver(AgencyKind.SOZIALAMT, BenefitRegime.ASYLBLG))
                .isTrue();
        assertThat(policy.mayHandOver(AgencyKind.JOBCENTER, BenefitRegime.ASYLBLG))
                .isFalse();
        assertThat(policy.mayHandOver(AgencyKind.JOBCENTER, null)).isTrue();
        assertThat(policy.of(AgencyKind.INTEGRATIONSMANAGEMENT).endsOthersGrants())
                .isTrue();
        assertThat(policy.of(AgencyKind.JOBCENTER).endsOthersGrants()).isFalse();
    }

    @Test
    void an_unknown_kind_category_or_field_is_named() {
        assertThatThrownBy(() -> load("""
                version: 1
                agencyKinds:
                  BUERGERAMT:
                    reads: {BASE_DATA: all}
                  JOBCENTER:
                    linkedBy: [BENEFIT_REGIME, FRIENDSHIP]
                    reads: {HEALTH: all, BASE_DATA: [familyName, shoeSize], LANGUAGE: some}
                    ownRecordsOnly: [COUNSELLING]
                """))
                .hasMessageContaining("unknown agency kind BUERGERAMT")
                .hasMessageContaining("unknown data category HEALTH for JOBCENTER")
                .hasMessageContaining("no event of category BASE_DATA has a field shoeSize")
                .hasMessageContaining("JOBCENTER reads LANGUAGE as neither \"all\" nor a list of fields")
                .hasMessageContaining("unknown link reason FRIENDSHIP for JOBCENTER")
                .hasMessageContaining("JOBCENTER must name benefitRegimes exactly when it is linked by BENEFIT_REGIME")
                .hasMessageContaining("JOBCENTER has ownRecordsOnly COUNSELLING but does not read it");
        assertThatThrownBy(() -> load("""
                version: 1
                agencyKinds:
                  SOZIALAMT:
                    sends: [ChangeBenefitRegime]
                """))
                .hasMessageContaining("SOZIALAMT must name handsOverFrom exactly when it sends ChangeBenefitRegime");
        assertThatThrownBy(() -> load("agencyKinds: {}")).hasMessageContaining("no version");
    }
}
