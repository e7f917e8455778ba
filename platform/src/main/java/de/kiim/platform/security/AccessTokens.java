package de.kiim.platform.security;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoderInitializationException;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;
import org.springframework.web.client.RestTemplate;

/**
 * How the services check an access token: signed by a key of the issuer's published key set, issued by the
 * configured issuer, for Kiim's audience, and valid now give or take the clock skew. The key set is fetched at the
 * first token, not at start-up, so that a service starts while its identity provider does not answer yet.
 */
public final class AccessTokens {

    /**
     * Calls to the identity provider (discovery, key set) give up after two seconds: one that accepts connections
     * and never answers must not hold every request thread (Spring's default has no time limit).
     */
    private static final RestTemplate PROVIDER = new RestTemplate(timeouts());

    private AccessTokens() {}

    /**
     * What a token must say to be accepted, once its signature holds: valid now (give or take the clock skew), an
     * expiry at all (the timestamp check alone passes a token that never expires), the issuer unless null, and the
     * audience.
     */
    public static OAuth2TokenValidator<Jwt> validator(String issuer, String audience, Duration clockSkew) {
        List<OAuth2TokenValidator<Jwt>> checks = new ArrayList<>(List.of(
                new JwtTimestampValidator(clockSkew),
                new JwtClaimValidator<Instant>(JwtClaimNames.EXP, Objects::nonNull),
                audience(audience)));
        if (issuer != null) {
            checks.add(new JwtIssuerValidator(issuer));
        }
        return new DelegatingOAuth2TokenValidator<>(checks);
    }

    private static SimpleClientHttpRequestFactory timeouts() {
        var factory = new SimpleClientHttpRequestFactory();
        factory.setConnectTimeout(Duration.ofSeconds(2));
        factory.setReadTimeout(Duration.ofSeconds(2));
        return factory;
    }

    static JwtDecoder decoder(SecurityProperties.Jwt settings) {
        JwtDecoder lazy = new SupplierJwtDecoder(() -> {
            var builder = settings.jwkSetUri() == null || settings.jwkSetUri().isBlank()
                    ? NimbusJwtDecoder.withIssuerLocation(settings.issuerUri())
                    : NimbusJwtDecoder.withJwkSetUri(settings.jwkSetUri());
            NimbusJwtDecoder decoder = builder.restOperations(PROVIDER).build();
            decoder.setJwtValidator(validator(settings.issuerUri(), settings.audience(), settings.clockSkew()));
            return decoder;
        });
        // The provider's discovery or key set out of reach: not the token's fault, so no 401 (which tells the
        // client its token is bad) but an AuthenticationServiceException, answered 503 ("Sign-on unavailable").
        return token -> {
            try {
                return lazy.decode(token);
            } catch (JwtDecoderInitializationException | JwtException unreachable) {
                if (unreachable instanceof BadJwtException bad) {
                    throw bad;
                }
                throw new IdentityProviderUnavailable(unreachable);
            }
        };
    }

    /** The identity provider's keys could not be fetched. */
    static final class IdentityProviderUnavailable extends AuthenticationServiceException {

        IdentityProviderUnavailable(Throwable cause) {
            super("The identity provider's keys could not be fetched", cause);
        }
    }

    private static OAuth2TokenValidator<Jwt> audience(String audience) {
        var wrongAudience = new OAuth2Error("invalid_token", "The token is not meant for this audience.", null);
        return token -> {
            List<String> audiences = token.getAudience();
            return audiences != null && audiences.contains(audience)
                    ? OAuth2TokenValidatorResult.success()
                    : OAuth2TokenValidatorResult.failure(wrongAudience);
        };
    }
}
