package de.kiim.identity;

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
 * The clients the provider knows, from its settings: the web UI (authorization code with PKCE, refresh tokens,
 * RP-initiated logout; a confidential client, since the UI runs on a server) and each agency system (client
 * credentials, for one agency). Secrets are given as bcrypt hashes only.
 */
@Configuration(proxyBeanMethods = false)
class Clients {

    /** The client setting that names an agency system's agency. */
    static final String AGENCY = "kiim.agency";

    @Bean
    RegisteredClientRepository registeredClients(IdentitySettings settings) {
        List<RegisteredClient> clients = new ArrayList<>();
        var web = settings.web();
        if (web.secretHash() != null && !web.secretHash().isBlank()) {
            clients.add(RegisteredClient.withId(
                            UUID.nameUUIDFromBytes(web.clientId().getBytes()).toString())
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
            clients.add(RegisteredClient.withId(
                            UUID.nameUUIDFromBytes(system.clientId().getBytes()).toString())
                    .clientId(system.clientId())
                    .clientSecret(system.secretHash())
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                    .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                    .clientSettings(ClientSettings.builder()
                            .setting(AGENCY, system.agency())
                            .build())
                    .tokenSettings(TokenSettings.builder()
                            .accessTokenTimeToLive(settings.accessTokenTtl())
                            .build())
                    .build());
        }
        if (clients.isEmpty()) {
            throw new IllegalStateException("kiim.identity names no client: neither the web UI nor an agency system");
        }
        return new InMemoryRegisteredClientRepository(clients);
    }
}
