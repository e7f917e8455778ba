package de.kiim.identity;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import de.kiim.platform.database.SchemaMigration;
import de.kiim.platform.security.AccessTokens;
import de.kiim.platform.security.AgencyDirectory;
import de.kiim.platform.security.ProblemAuthenticationEntryPoint;
import de.kiim.platform.security.Role;
import de.kiim.platform.security.SecurityProperties;
import de.kiim.platform.security.TokenUsers;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.authorization.config.annotation.web.configuration.OAuth2AuthorizationServerConfiguration;
import org.springframework.security.oauth2.server.authorization.config.annotation.web.configurers.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;

/**
 * Spring Authorization Server with OpenID Connect: its endpoints in one chain, the login page in another. The
 * password check is the platform's, with its throttling per user and address and its record of every sign-in.
 */
@Configuration(proxyBeanMethods = false)
class AuthorizationServerConfiguration {

    /**
     * The stewards' API: stateless, with access tokens of this very provider (its own keys, Kiim's audience), as
     * the services take them, and for DATA_STEWARD only.
     */
    @Bean
    @Order(0)
    SecurityFilterChain stewardApi(
            HttpSecurity http,
            JWKSource<SecurityContext> publishedKeys,
            IdentitySettings settings,
            SecurityProperties properties,
            AgencyDirectory directory,
            ObjectMapper json)
            throws Exception {
        var problems = new ProblemAuthenticationEntryPoint(json, properties);
        var decoder = (NimbusJwtDecoder) OAuth2AuthorizationServerConfiguration.jwtDecoder(publishedKeys);
        // Its own tokens, signed with its own keys: checked as the services check them, the issuer aside (blank,
        // it is each request's URL).
        decoder.setJwtValidator(AccessTokens.validator(null, settings.audience(), Duration.ofSeconds(30)));
        var tokens = new JwtAuthenticationProvider(decoder);
        tokens.setJwtAuthenticationConverter(new TokenUsers(properties, directory));
        return http.securityMatcher("/api/**")
                .authorizeHttpRequests(requests -> requests.anyRequest().hasRole(Role.DATA_STEWARD.name()))
                .oauth2ResourceServer(server -> server.authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems)
                        .jwt(jwt -> jwt.authenticationManager(new ProviderManager(tokens))))
                .exceptionHandling(
                        errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .build();
    }

    @Bean
    @Order(1)
    SecurityFilterChain authorizationServer(HttpSecurity http, SignOut signOut) throws Exception {
        var server = OAuth2AuthorizationServerConfigurer.authorizationServer();
        return http.securityMatcher(server.getEndpointsMatcher())
                .with(
                        server,
                        configurer -> configurer.oidc(
                                oidc -> oidc.logoutEndpoint(logout -> logout.logoutResponseHandler(signOut))))
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                // The userinfo endpoint takes the access tokens this provider issued.
                .oauth2ResourceServer(resource -> resource.jwt(Customizer.withDefaults()))
                // A browser that is not signed in is sent to the login page; an API client gets 401.
                .exceptionHandling(errors -> errors.defaultAuthenticationEntryPointFor(
                        new LoginUrlAuthenticationEntryPoint("/login"),
                        new MediaTypeRequestMatcher(MediaType.TEXT_HTML)))
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain login(HttpSecurity http, AuthenticationManager passwordCheck) throws Exception {
        return http.authenticationManager(passwordCheck)
                .authorizeHttpRequests(requests -> requests.requestMatchers(
                                "/login", "/login.css", "/error", "/actuator/health", "/actuator/health/**")
                        .permitAll()
                        // Metrics and build information are the operators', who read them at the services.
                        .requestMatchers("/actuator/**", "/v3/api-docs/**")
                        .denyAll()
                        .anyRequest()
                        .authenticated())
                .formLogin(form -> form.loginPage("/login"))
                .build();
    }

    /** A blank issuer is the URL each request reached the provider at (tests on a random port). */
    @Bean
    AuthorizationServerSettings authorizationServerSettings(IdentitySettings settings) {
        var builder = AuthorizationServerSettings.builder();
        if (settings.issuer() != null && !settings.issuer().isBlank()) {
            builder.issuer(settings.issuer());
        }
        return builder.build();
    }

    /** The provider's own tables (agency-system clients), in schema {@code identity}. */
    @Bean
    SchemaMigration identityMigrations() {
        return SchemaMigration.of("classpath:db/identity", "identity");
    }

    @Bean
    SigningKeys signingKeys(IdentitySettings settings) {
        return SigningKeys.load(settings);
    }

    /** Signs with the current key only: the previous ones are published, never used again. */
    @Bean
    JwtEncoder jwtEncoder(SigningKeys keys) {
        return new NimbusJwtEncoder(new ImmutableJWKSet<>(keys.signing()));
    }

    /** What the key set endpoint publishes and the provider verifies its own tokens with. */
    @Bean
    JWKSource<SecurityContext> jwkSource(SigningKeys keys) {
        return new ImmutableJWKSet<>(keys.published());
    }
}
