package de.kiim.web.signon;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * Sign-on at the identity provider and the browser-facing protections of every page.
 *
 * <ul>
 *   <li>Authorization code with PKCE (the provider requires the proof key of this client too, though it has a
 *   secret); the ID token's {@code roles} become the user's roles, which only choose what the navigation offers:
 *   what the user may do and see is decided by the services, from the access token.</li>
 *   <li>Logout ends the session here and, RP-initiated, at the provider, which also revokes the refresh token.</li>
 *   <li>A Content-Security-Policy without inline scripts or styles: every script and style comes from this
 *   origin (htmx is configured not to inject its indicator styles, see the layout).</li>
 *   <li>CSRF tokens on every form and htmx request (the layout puts the token into htmx's headers).</li>
 * </ul>
 */
@Configuration
class SignOnConfiguration {

    static final String REGISTRATION = "kiim";

    /** The pages anyone may open: the accessibility statement must be reachable without an account. */
    private static final String[] PUBLIC = {
        "/vendor/**", "/css/**", "/js/**", "/favicon.ico", "/accessibility", "/error", "/actuator/health"
    };

    @Bean
    SecurityFilterChain pages(HttpSecurity http, ClientRegistrationRepository clients) throws Exception {
        var authorizationRequests = new DefaultOAuth2AuthorizationRequestResolver(clients, "/oauth2/authorization");
        authorizationRequests.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
        var endSessionAtProvider = new OidcClientInitiatedLogoutSuccessHandler(clients);
        endSessionAtProvider.setPostLogoutRedirectUri("{baseUrl}/");
        String issuer =
                clients.findByRegistrationId(REGISTRATION).getProviderDetails().getIssuerUri();
        http.authorizeHttpRequests(pages ->
                        pages.requestMatchers(PUBLIC).permitAll().anyRequest().authenticated())
                .oauth2Login(login -> login.loginPage("/oauth2/authorization/" + REGISTRATION)
                        .authorizationEndpoint(endpoint -> endpoint.authorizationRequestResolver(authorizationRequests))
                        .userInfoEndpoint(userInfo -> userInfo.oidcUserService(withRoles())))
                .logout(logout -> logout.logoutSuccessHandler(endSessionAtProvider))
                .headers(headers -> headers.contentSecurityPolicy(
                                csp -> csp.policyDirectives(contentSecurityPolicy(issuer)))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
                        .permissionsPolicyHeader(permissions ->
                                permissions.policy("camera=(), microphone=(), geolocation=(), payment=()")));
        return http.build();
    }

    /**
     * Everything from this origin, nothing inline, no frames. KERN's icons are data: images. Forms post here only;
     * the logout's redirect to the provider's end-session endpoint counts as a form's target too.
     */
    static String contentSecurityPolicy(String issuer) {
        return String.join(
                "; ",
                "default-src 'self'",
                "script-src 'self'",
                "style-src 'self'",
                "img-src 'self' data:",
                "font-src 'self'",
                "connect-src 'self'",
                "object-src 'none'",
                "base-uri 'none'",
                "frame-ancestors 'none'",
                "form-action 'self' " + issuer);
    }

    /** The ID token's roles as Spring Security roles; everything else as the provider says. */
    private static OAuth2UserService<OidcUserRequest, OidcUser> withRoles() {
        OidcUserService standard = new OidcUserService();
        return request -> {
            OidcUser user = standard.loadUser(request);
            Set<GrantedAuthority> authorities = new HashSet<>(user.getAuthorities());
            List<String> roles = user.getIdToken().getClaimAsStringList("roles");
            if (roles != null) {
                roles.forEach(role -> authorities.add(new SimpleGrantedAuthority("ROLE_" + role)));
            }
            return new DefaultOidcUser(authorities, user.getIdToken(), user.getUserInfo(), "preferred_username");
        };
    }

    /** Gets the user's access token for a call to a service, refreshing it when it has expired. */
    @Bean
    OAuth2AuthorizedClientManager authorizedClients(
            ClientRegistrationRepository clients, OAuth2AuthorizedClientRepository authorized) {
        var manager = new DefaultOAuth2AuthorizedClientManager(clients, authorized);
        manager.setAuthorizedClientProvider(OAuth2AuthorizedClientProviderBuilder.builder()
                .authorizationCode()
                .refreshToken()
                .build());
        return manager;
    }
}
