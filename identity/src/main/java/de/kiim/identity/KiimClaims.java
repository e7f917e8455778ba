package de.kiim.identity;

import de.kiim.platform.security.AgencyDirectory;
import de.kiim.platform.security.KiimUser;
import de.kiim.platform.security.Role;
import java.util.List;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.stereotype.Component;

/**
 * What a token says about its holder, in the claims the services read by default (docs/operations.md, "Sign-on"):
 * {@code preferred_username}, {@code kiim_agency} and {@code roles}, and Kiim's audience. A person's agency and
 * roles are read from the directory at every token, a refreshed one too, so that a change of roles reaches the next
 * token, and a user disabled or removed, or of a closed agency, gets none; an agency system has its agency from its
 * client and the role AGENCY_SYSTEM.
 */
@Component
class KiimClaims implements OAuth2TokenCustomizer<JwtEncodingContext> {

    private final AgencyDirectory directory;
    private final IdentitySettings settings;

    KiimClaims(AgencyDirectory directory, IdentitySettings settings) {
        this.directory = directory;
        this.settings = settings;
    }

    private static OAuth2AuthenticationException refused() {
        return new OAuth2AuthenticationException(new OAuth2Error(
                OAuth2ErrorCodes.INVALID_GRANT, "The user is no longer signed in to an open agency.", null));
    }

    @Override
    public void customize(JwtEncodingContext context) {
        boolean accessToken = OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType());
        if (!accessToken
                && !OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue())) {
            return;
        }
        var claims = context.getClaims();
        if (accessToken) {
            claims.audience(List.of(settings.audience()));
        }
        if (AuthorizationGrantType.CLIENT_CREDENTIALS.equals(context.getAuthorizationGrantType())) {
            var client = context.getRegisteredClient();
            claims.claim("preferred_username", client.getClientId());
            claims.claim("kiim_agency", (String) client.getClientSettings().getSetting(Clients.AGENCY));
            claims.claim("roles", List.of(Role.AGENCY_SYSTEM.name()));
            return;
        }
        String username = context.getPrincipal().getName();
        KiimUser user;
        try {
            user = directory.loadUserByUsername(username);
        } catch (UsernameNotFoundException removed) {
            throw refused();
        }
        // Disabled, or its agency closed, since signing in: no further token, a refreshed one neither.
        if (!user.isEnabled()) {
            throw refused();
        }
        claims.claim("preferred_username", username);
        claims.claim("kiim_agency", user.agencyId());
        claims.claim("roles", user.roles().stream().map(Enum::name).sorted().toList());
    }
}
