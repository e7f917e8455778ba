package de.kiim.identity;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;

/**
 * The clients the provider knows: from its settings the web UI (authorization code with PKCE, refresh tokens,
 * RP-initiated logout; a confidential client, since the UI runs on a server) and any agency system configured
 * there; and every agency system a data steward created ({@link AgencySystemClients}), looked up at each request,
 * so that a rotated secret or a revoked client takes effect at once. Secrets are bcrypt hashes only.
 */
@Configuration(proxyBeanMethods = false)
class Clients {

    /** The client setting that names an agency system's agency. */
    static final String AGENCY = "kiim.agency";

    /** The prefix of the registration id of a client from the stewards' table. */
    private static final String STEWARDED = "stewarded:";

    @Bean
    RegisteredClientRepository registeredClients(IdentitySettings settings, AgencySystemClients stewarded) {
        var configured = new InMemoryRegisteredClientRepository(configured(settings));
        return new RegisteredClientRepository() {
            @Override
            public void save(RegisteredClient client) {
                throw new UnsupportedOperationException("clients are configured or created by data stewards");
            }

            @Override
            public RegisteredClient findById(String id) {
                RegisteredClient client = configured.findById(id);
                return client != null || !id.startsWith(STEWARDED)
                        ? client
                        : findByClientId(id.substring(STEWARDED.length()));
            }

            @Override
            public RegisteredClient findByClientId(String clientId) {
                RegisteredClient client = configured.findByClientId(clientId);
                return client != null
                        ? client
                        : stewarded
                                .active(clientId)
                                .map(system -> agencySystem(
                                        STEWARDED + system.clientId(),
                                        system.clientId(),
                                        system.secretHash(),
                                        system.agency(),
                                        settings))
                                .orElse(null);
            }
        };
    }

    private static List<RegisteredClient> configured(IdentitySettings settings) {
        List<RegisteredClient> clients = new ArrayList<>();
        var web = settings.web();
        if (web.secretHash() != null && !web.secretHash().isBlank()) {
            clients.add(RegisteredClient.withId(
                            UUID.nameUUIDFromBytes(web.clientId().getBytes(StandardCharsets.UTF_8))
                                    .toString())
                    .clientId(web.clientId())
                    .clientSecret(web.secretHash())
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                    .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                    .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
                    .redirectUris(uris -> uris.addAll(web.redirectUris()))
                    .postLogoutRedirectUris(uris -> uris.addAll(web.postLogoutRedirectUris()))
                    .scope(OidcScopes.OPENID)
                    .scope(OidcScopes.PROFILE)
                    .clientSettings(ClientSettings.builder()
                            .requireProofKey(true)
                            .requireAuthorizationConsent(false)
                            .build())
                    .tokenSettings(TokenSettings.builder()
                            .accessTokenTimeToLive(settings.accessTokenTtl())
                            .refreshTokenTimeToLive(settings.refreshTokenTtl())
                            .reuseRefreshTokens(false)
                            .build())
                    .build());
        }
        for (var system : settings.agencySystems()) {
            clients.add(agencySystem(
                    UUID.nameUUIDFromBytes(system.clientId().getBytes(StandardCharsets.UTF_8))
                            .toString(),
                    system.clientId(),
                    system.secretHash(),
                    system.agency(),
                    settings));
        }
        if (clients.isEmpty()) {
            throw new IllegalStateException("kiim.identity configures no client: set kiim.identity.web.secret-hash");
        }
        return clients;
    }

    /** An agency system's client: client credentials only, for its one agency. */
    private static RegisteredClient agencySystem(
            String id, String clientId, String secretHash, String agency, IdentitySettings settings) {
        return RegisteredClient.withId(id)
                .clientId(clientId)
                .clientSecret(secretHash)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                .clientSettings(ClientSettings.builder().setting(AGENCY, agency).build())
                .tokenSettings(TokenSettings.builder()
                        .accessTokenTimeToLive(settings.accessTokenTtl())
                        .build())
                .build();
    }
}
