package de.kiim.identity;

import de.kiim.platform.security.SignInLog;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.authorization.oidc.authentication.OidcLogoutAuthenticationToken;
import org.springframework.security.web.DefaultRedirectStrategy;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * RP-initiated logout (the web UI's "Abmelden"), as Spring Authorization Server carries it out — the session ends,
 * the browser goes back to the client's registered post-logout address with its state — and recorded beside the
 * sign-ins, for auditors.
 */
@Component
class SignOut implements AuthenticationSuccessHandler {

    private final SignInLog log;
    private final SecurityContextLogoutHandler session = new SecurityContextLogoutHandler();
    private final DefaultRedirectStrategy redirects = new DefaultRedirectStrategy();

    SignOut(SignInLog log) {
        this.log = log;
    }

    @Override
    public void onAuthenticationSuccess(
            HttpServletRequest request, HttpServletResponse response, Authentication authentication)
            throws IOException {
        var logout = (OidcLogoutAuthenticationToken) authentication;
        if (logout.isPrincipalAuthenticated()) {
            var user = (Authentication) logout.getPrincipal();
            log.recordSignOut(user.getName(), request.getRemoteAddr());
            session.logout(request, response, user);
        }
        // The post-logout address was checked against the client's registered ones before this runs.
        String target = logout.getPostLogoutRedirectUri() == null
                ? "/"
                : UriComponentsBuilder.fromUriString(logout.getPostLogoutRedirectUri())
                        .queryParamIfPresent("state", java.util.Optional.ofNullable(logout.getState()))
                        .build()
                        .toUriString();
        redirects.sendRedirect(request, response, target);
    }
}
