package de.kiim.platform.security;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
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
import org.springframework.security.oauth2.jwt.JwtDecoders;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;

/**
 * How the services check an access token: signed by a key of the issuer's published key set, issued by the
 * configured issuer, for Kiim's audience, and valid now give or take the clock skew. The key set is fetched at the
 * first token, not at start-up, so that a service starts while its identity provider does not answer yet.
 */
final class AccessTokens {

    private AccessTokens() {}

    static JwtDecoder decoder(SecurityProperties.Jwt settings) {
        JwtDecoder lazy = new SupplierJwtDecoder(() -> {
            NimbusJwtDecoder decoder = settings.jwkSetUri() == null
                            || settings.jwkSetUri().isBlank()
                    ? (NimbusJwtDecoder) JwtDecoders.fromIssuerLocation(settings.issuerUri())
                    : NimbusJwtDecoder.withJwkSetUri(settings.jwkSetUri()).build();
            decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                    new JwtTimestampValidator(settings.clockSkew()),
                    // The timestamp check passes a token without an expiry: one that never expires is refused.
                    new JwtClaimValidator<Instant>(JwtClaimNames.EXP, Objects::nonNull),
                    new JwtIssuerValidator(settings.issuerUri()),
                    audience(settings.audience())));
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
