package de.kiim.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import de.kiim.events.vocabulary.AgencyKind;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * The claim mapping, for the embedded provider's token shape and for Keycloak's (realm roles under
 * {@code realm_access.roles}, beside Keycloak's own roles): the user and roles from the token, the agency's kind
 * from the directory, nothing for an agency the directory does not know.
 */
class TokenUsersTest {

    /** The directory of this test: one open agency. */
    private static final AgencyDirectory DIRECTORY = new AgencyDirectory(null) {
        @Override
        public Optional<AgencyKind> kindOf(String agencyId) {
            return "abh-harz".equals(agencyId) ? Optional.of(AgencyKind.AUSLAENDERBEHOERDE) : Optional.empty();
        }
    };

    /** The mapping with the defaults, changed by {@code settings} as in a configuration file. */
    private static TokenUsers mapping(Map<String, String> settings) {
        var properties = new Binder(new MapConfigurationPropertySource(settings))
                .bindOrCreate("kiim.security", Bindable.of(SecurityProperties.class));
        return new TokenUsers(properties, DIRECTORY);
    }

    private static Jwt token(Map<String, Object> claims) {
        var token = Jwt.withTokenValue("t")
                .header("alg", "RS256")
                .subject("3f1c-subject")
                .issuedAt(Instant.now())
                .expiresAt(Instant.now().plus(Duration.ofMinutes(5)));
        claims.forEach(token::claim);
        return token.build();
    }

    private static KiimUser user(TokenUsers mapping, Map<String, Object> claims) {
        return (KiimUser) mapping.convert(token(claims)).getPrincipal();
    }

    @Test
    void the_embedded_providers_token_is_the_same_user_as_the_password() {
        var user = user(
                mapping(Map.of()),
                Map.of(
                        "preferred_username", "abh",
                        "kiim_agency", "abh-harz",
                        "roles", List.of("CASEWORKER", "AGENCY_SYSTEM")));

        assertThat(user.getUsername()).isEqualTo("abh");
        assertThat(user.agencyId()).isEqualTo("abh-harz");
        assertThat(user.agencyKind()).isEqualTo(AgencyKind.AUSLAENDERBEHOERDE);
        assertThat(user.roles()).containsExactlyInAnyOrder(Role.CASEWORKER, Role.AGENCY_SYSTEM);
    }

    @Test
    void keycloaks_realm_roles_are_read_at_their_path_and_its_own_roles_are_ignored() {
        var keycloak = mapping(Map.of("kiim.security.jwt.claims.roles", "realm_access.roles"));
        var user = user(
                keycloak,
                Map.of(
                        "preferred_username", "abh",
                        "kiim_agency", List.of("abh-harz"),
                        "realm_access", Map.of("roles", List.of("offline_access", "CASEWORKER", "uma_authorization"))));

        assertThat(user.roles()).containsExactly(Role.CASEWORKER);
        assertThat(user.agencyId()).isEqualTo("abh-harz");
    }

    @Test
    void an_agency_the_directory_does_not_know_gets_no_role_whatever_the_token_claims() {
        for (Object agency : List.of("no-such-agency", List.of("abh-harz", "jobcenter-harz"), 42)) {
            var user = user(
                    mapping(Map.of()),
                    Map.of("preferred_username", "x", "kiim_agency", agency, "roles", List.of("DATA_STEWARD")));
            assertThat(user.roles()).as(String.valueOf(agency)).isEmpty();
            assertThat(user.agencyId()).as(String.valueOf(agency)).isNull();
        }
        var withoutAgency = user(mapping(Map.of()), Map.of("roles", List.of("DATA_STEWARD")));
        assertThat(withoutAgency.roles()).isEqualTo(Set.of());
        assertThat(withoutAgency.getUsername()).isEqualTo("3f1c-subject");
    }
}
