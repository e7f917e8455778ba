package de.kiim.platform.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Access tokens of the identity provider and, where enabled, HTTP Basic against the agency directory; stateless: no
 * session, no cookie, hence no CSRF exposure. Only health and the API description are open, the other actuator
 * endpoints are the {@link Role#OPERATOR}'s; each service declares which roles may call its endpoints as
 * {@link ApiAccessRules}, for every HTTP method alike, and whatever no rule names is denied. The authentication manager, with its throttling and record of sign-ins, is {@link SignInConfiguration}'s.
 */
@AutoConfiguration(before = {SecurityAutoConfiguration.class, UserDetailsServiceAutoConfiguration.class})
@EnableConfigurationProperties(SecurityProperties.class)
public class SecurityConfiguration {

    /**
     * No observation per security filter, authentication and authorization: nobody reads those metrics, and the
     * decorator that makes them wraps each of the chain's filters on every request (about a tenth of a read's CPU in
     * the query service's profile). HTTP server metrics stay.
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

    @Bean
    AgencyDirectory agencyDirectory(JdbcTemplate jdbc) {
        return new AgencyDirectory(jdbc);
    }

    /**
     * The API's chain, in a service that declares {@link ApiAccessRules}. Access tokens have an authentication
     * manager of their own: the one the chain is given is the password check's.
     */
    @Bean
    @ConditionalOnBean(ApiAccessRules.class)
    SecurityFilterChain apiSecurity(
            HttpSecurity http,
            AuthenticationManager authenticationManager,
            ObjectMapper json,
            List<ApiAccessRules> serviceRules,
            SecurityProperties properties,
            AgencyDirectory directory)
            throws Exception {
        if (!properties.basic().enabled() && !properties.jwt().isEnabled()) {
            throw new IllegalStateException("Neither kiim.security.jwt.issuer-uri (KIIM_OIDC_ISSUER) nor "
                    + "kiim.security.basic.enabled (KIIM_BASIC_AUTH) is set, so nobody could sign in");
        }
        var problems = new ProblemAuthenticationEntryPoint(json, properties);
        http.authorizeHttpRequests(requests -> {
                    // No rule names a method: HEAD, OPTIONS and every other method meet the same rule as GET,
                    // so Spring MVC's implicit HEAD and OPTIONS answers open nothing a GET would not.
                    requests.requestMatchers(
                                    "/actuator/health",
                                    "/actuator/health/**",
                                    "/v3/api-docs",
                                    "/v3/api-docs/**",
                                    "/error")
                            .permitAll();
                    serviceRules.forEach(rules -> rules.apply(requests));
                    requests.requestMatchers("/actuator", "/actuator/**").hasRole(Role.OPERATOR.name());
                    // Deny by default: an endpoint no rule names is refused, not merely authenticated.
                    requests.anyRequest().denyAll();
                })
                .exceptionHandling(
                        errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // Stateless Basic/bearer authentication sends no ambient credential a foreign site could ride on.
                .csrf(csrf -> csrf.disable());
        if (properties.basic().enabled()) {
            http.authenticationManager(authenticationManager)
                    .httpBasic(basic -> basic.authenticationEntryPoint(problems));
        }
        if (properties.jwt().isEnabled()) {
            var tokens = new JwtAuthenticationProvider(AccessTokens.decoder(properties.jwt()));
            tokens.setJwtAuthenticationConverter(new TokenUsers(properties, directory));
            http.oauth2ResourceServer(server -> server.authenticationEntryPoint(problems)
                    .accessDeniedHandler(problems)
                    .jwt(jwt -> jwt.authenticationManager(new ProviderManager(tokens)))
                    // Every refusal through the entry point: by default the filter rethrows the failure to reach
                    // the identity provider, which would end as a 500.
                    .withObjectPostProcessor(new ObjectPostProcessor<BearerTokenAuthenticationFilter>() {
                        @Override
                        public <F extends BearerTokenAuthenticationFilter> F postProcess(F filter) {
                            filter.setAuthenticationFailureHandler(problems::commence);
                            return filter;
                        }
                    }));
        }
        return http.build();
    }
}
