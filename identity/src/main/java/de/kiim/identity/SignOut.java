package de.kiim.identity;

import de.kiim.platform.security.SignInLog;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.oidc.authentication.OidcLogoutAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.oidc.web.authentication.OidcLogoutAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.stereotype.Component;

/**
 * RP-initiated logout (the web UI's "Abmelden"): the sign-in's authorization is removed, so that its refresh token
 * is worth nothing, the logout is recorded beside the sign-ins for auditors, and Spring Authorization Server's own
 * handler ends the session and sends the browser to the client's registered post-logout address.
 */
@Component
class SignOut implements AuthenticationSuccessHandler {

    private static final OAuth2TokenType ID_TOKEN = new OAuth2TokenType(OidcParameterNames.ID_TOKEN);

    private final SignInLog log;
    private final OAuth2AuthorizationService authorizations;
    private final AuthenticationSuccessHandler endSession = new OidcLogoutAuthenticationSuccessHandler();

    SignOut(SignInLog log, OAuth2AuthorizationService authorizations) {
        this.log = log;
        this.authorizations = authorizations;
    }

    @Override
    public void onAuthenticationSuccess(
            HttpServletRequest request, HttpServletResponse response, Authentication authentication)
            throws IOException, ServletException {
        var logout = (OidcLogoutAuthenticationToken) authentication;
        var authorization = authorizations.findByToken(logout.getIdTokenHint(), ID_TOKEN);
        if (authorization != null) {
            authorizations.remove(authorization);
        }
        if (logout.isPrincipalAuthenticated()) {
            log.recordSignOut(((Authentication) logout.getPrincipal()).getName(), request.getRemoteAddr());
        }
        endSession.onAuthenticationSuccess(request, response, authentication);
    }
}
