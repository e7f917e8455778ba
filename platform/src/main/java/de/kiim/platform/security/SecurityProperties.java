package de.kiim.platform.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param credentialCacheTtl  how long a bcrypt-verified username/password pair is trusted without checking again
 * @param credentialCacheSize how many verified pairs are remembered at most
 * @param signIn              throttling of failed sign-ins and their record (docs/operations.md)
 * @param basic               HTTP Basic against the directory's passwords: on in the local profile, elsewhere only
 *                            when the deployment has no identity provider and says so
 * @param jwt                 access tokens of an OpenID Connect identity provider (docs/operations.md, "Sign-on")
 */
@ConfigurationProperties("kiim.security")
public record SecurityProperties(
        @DefaultValue("PT2M") Duration credentialCacheTtl,
        @DefaultValue("10000") long credentialCacheSize,
        @DefaultValue SignIn signIn,
        @DefaultValue Basic basic,
        @DefaultValue Jwt jwt) {

    /** @param enabled whether requests may authenticate with a user name and password */
    public record Basic(@DefaultValue("false") boolean enabled) {}

    /**
     * @param issuerUri the identity provider's issuer; tokens of any other issuer are refused. Blank: no tokens
     * @param jwkSetUri where its signing keys are published; blank: found by OpenID discovery at the first token
     * @param audience  the audience every token must name
     * @param clockSkew how far the token's times may be off the service's clock
     * @param claims    where in the token the user, the agency and the roles are
     */
    public record Jwt(
            String issuerUri,
            String jwkSetUri,
            @DefaultValue("kiim") String audience,
            @DefaultValue("PT30S") Duration clockSkew,
            @DefaultValue Claims claims) {

        public boolean isEnabled() {
            return issuerUri != null && !issuerUri.isBlank();
        }
    }

    /**
     * Claim names; a dotted name is a path into nested claims (Keycloak's {@code realm_access.roles}).
     *
     * @param username the user's name, shown in the audit trail; the subject when the token has no such claim
     * @param agency   the agency id, as the directory has it: a string, or a list of exactly one
     * @param roles    a list of Kiim role names; other names (an identity provider's own roles) are ignored
     */
    public record Claims(
            @DefaultValue("preferred_username") String username,
            @DefaultValue("kiim_agency") String agency,
            @DefaultValue("roles") String roles) {}

    /**
     * @param freeFailuresPerUser    failures of one user name before its backoff starts
     * @param freeFailuresPerAddress failures from one client address (any user names) before its backoff starts
     * @param initialBackoff         the first backoff; each further failure doubles it
     * @param maximumBackoff         the longest backoff
     * @param forgetFailuresAfter    a user name or address without failures for this long starts from zero again
     * @param trackedKeys            how many user names and how many addresses are tracked at most (each)
     * @param concurrentChecks       how many password checks (bcrypt) run at once; 0: half the processors
     * @param checkWait              how long a sign-in waits for one of them before it is answered 503
     * @param logRetention           how long the record of sign-ins ({@code directory.login_attempt}) is kept
     */
    public record SignIn(
            @DefaultValue("5") int freeFailuresPerUser,
            @DefaultValue("20") int freeFailuresPerAddress,
            @DefaultValue("PT1S") Duration initialBackoff,
            @DefaultValue("PT15M") Duration maximumBackoff,
            @DefaultValue("PT1H") Duration forgetFailuresAfter,
            @DefaultValue("10000") long trackedKeys,
            @DefaultValue("0") int concurrentChecks,
            @DefaultValue("PT2S") Duration checkWait,
            @DefaultValue("P90D") Duration logRetention) {

        public SignIn {
            if (freeFailuresPerUser < 1 || freeFailuresPerAddress < 1) {
                throw new IllegalArgumentException("kiim.security.sign-in.free-failures-* must be at least 1");
            }
            if (initialBackoff.isNegative()
                    || initialBackoff.isZero()
                    || maximumBackoff.compareTo(initialBackoff) < 0) {
                throw new IllegalArgumentException(
                        "kiim.security.sign-in: 0 < initial-backoff <= maximum-backoff is required");
            }
            if (forgetFailuresAfter.compareTo(maximumBackoff) < 0) {
                throw new IllegalArgumentException(
                        "kiim.security.sign-in.forget-failures-after must be at least maximum-backoff");
            }
        }

        /** The number of password checks that may run at once. */
        int permits() {
            return concurrentChecks > 0
                    ? concurrentChecks
                    : Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
        }
    }
}
