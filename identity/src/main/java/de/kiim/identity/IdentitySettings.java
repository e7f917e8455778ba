package de.kiim.identity;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The identity provider's settings (docs/operations.md, "Sign-on").
 *
 * @param issuer                  the URL the services and browsers reach the provider at; every token names it.
 *                                Blank: the URL of each request
 * @param audience                the audience of every access token, which the services require
 * @param signingKeyFile          the current signing key (a JWK with its private part), kept across restarts
 * @param generateSigningKey      whether a missing signing key file is created (the local profile)
 * @param previousSigningKeyFiles keys signed with before a rotation: still published, so that their tokens stay
 *                                valid until they expire, and never signed with again
 * @param accessTokenTtl          how long an access token is valid
 * @param refreshTokenTtl         how long the web UI's refresh token is valid: the longest a sign-in lasts
 * @param web                     the web UI's client
 * @param agencySystems           the agency systems' clients, each of one agency
 */
@ConfigurationProperties("kiim.identity")
public record IdentitySettings(
        String issuer,
        @DefaultValue("kiim") String audience,
        Path signingKeyFile,
        @DefaultValue("false") boolean generateSigningKey,
        @DefaultValue List<Path> previousSigningKeyFiles,
        @DefaultValue("PT5M") Duration accessTokenTtl,
        @DefaultValue("PT8H") Duration refreshTokenTtl,
        @DefaultValue WebClient web,
        @DefaultValue List<AgencySystem> agencySystems) {

    /**
     * @param clientId               the web UI's client id
     * @param secretHash             the bcrypt hash of its secret; blank: no web client
     * @param redirectUris           where the provider may send a signed-in browser back to
     * @param postLogoutRedirectUris where it may send a browser after logout
     */
    public record WebClient(
            @DefaultValue("kiim-web") String clientId,
            String secretHash,
            @DefaultValue List<String> redirectUris,
            @DefaultValue List<String> postLogoutRedirectUris) {}

    /**
     * @param clientId   the system's client id
     * @param secretHash the bcrypt hash of its secret
     * @param agency     the agency it sends for, as the directory names it
     */
    public record AgencySystem(String clientId, String secretHash, String agency) {}
}
