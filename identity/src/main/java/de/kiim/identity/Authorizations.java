package de.kiim.identity;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.oauth2.core.AbstractOAuth2Token;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.server.authorization.InMemoryOAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationCode;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.stereotype.Component;

/**
 * The provider's authorizations, in memory (ADR 0013), bounded by what is still valid: an agency system's is not
 * kept at all — its token is a self-contained JWT, and one kept per token request would grow without bound — and
 * a sign-in's is forgotten once its last token (code, access, refresh, ID token) has expired.
 */
@Component
class Authorizations implements OAuth2AuthorizationService {

    /** How long an authorization without any token yet (a sign-in under way) is kept. */
    private static final java.time.Duration PENDING = java.time.Duration.ofMinutes(10);

    private final InMemoryOAuth2AuthorizationService kept = new InMemoryOAuth2AuthorizationService();
    private final Map<String, Instant> lastExpiry = new ConcurrentHashMap<>();

    @Override
    public void save(OAuth2Authorization authorization) {
        if (AuthorizationGrantType.CLIENT_CREDENTIALS.equals(authorization.getAuthorizationGrantType())) {
            return;
        }
        kept.save(authorization);
        lastExpiry.put(authorization.getId(), lastExpiry(authorization));
    }

    @Override
    public void remove(OAuth2Authorization authorization) {
        kept.remove(authorization);
        lastExpiry.remove(authorization.getId());
    }

    @Override
    public OAuth2Authorization findById(String id) {
        return kept.findById(id);
    }

    @Override
    public OAuth2Authorization findByToken(String token, OAuth2TokenType tokenType) {
        return kept.findByToken(token, tokenType);
    }

    /** How many authorizations are kept: for the tests and for a look at the provider's memory. */
    int size() {
        return lastExpiry.size();
    }

    @Scheduled(fixedDelayString = "${kiim.identity.authorization-purge-interval:PT1M}")
    void forgetExpired() {
        Instant now = Instant.now();
        lastExpiry.forEach((id, expiry) -> {
            if (expiry.isBefore(now)) {
                OAuth2Authorization authorization = kept.findById(id);
                if (authorization != null) {
                    kept.remove(authorization);
                }
                lastExpiry.remove(id);
            }
        });
    }

    private static Instant lastExpiry(OAuth2Authorization authorization) {
        return Stream.of(
                        authorization.getToken(OAuth2AuthorizationCode.class),
                        authorization.getAccessToken(),
                        authorization.getRefreshToken(),
                        authorization.getToken(OidcIdToken.class))
                .filter(Objects::nonNull)
                .map(OAuth2Authorization.Token::getToken)
                .map(AbstractOAuth2Token::getExpiresAt)
                .filter(Objects::nonNull)
                .max(Instant::compareTo)
                .orElseGet(() -> Instant.now().plus(PENDING));
    }
}
