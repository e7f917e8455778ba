package de.kiim.platform.security;

import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Protection of the password check (docs/operations.md, "Sign-in protection"): throttling per user name and
 * client address with backoff, a bounded number of concurrent bcrypt checks, the same cost for every failure, and
 * the record of sign-ins with its housekeeping.
 */
@AutoConfiguration
public class SignInConfiguration {

    @Bean
    SignInLog signInLog(
            JdbcTemplate jdbc, ObjectProvider<Clock> clock, @Value("${spring.application.name:kiim}") String service) {
        return new SignInLog(jdbc, clock.getIfAvailable(Clock::systemUTC), service);
    }

    /**
     * Throttle, then the verified-credentials cache, then bcrypt. The guard is no bean of its own: an
     * authentication provider bean would also be wired into Spring's global authentication manager.
     */
    @Bean
    AuthenticationManager authenticationManager(
            AgencyDirectory directory,
            PasswordEncoder passwordEncoder,
            SecurityProperties properties,
            SignInLog log,
            ObjectProvider<Clock> clock) {
        SecurityProperties.SignIn settings = properties.signIn();
        var passwordCheck = new PasswordCheck(directory, passwordEncoder);
        var throttle = new SignInThrottle(settings, clock.getIfAvailable(Clock::systemUTC));
        return new ProviderManager(new SignInGuard(passwordCheck, properties, throttle, log, directory));
    }

    @Bean
    SignInHousekeeping signInHousekeeping(SignInLog log, SecurityProperties properties) {
        return new SignInHousekeeping(log, properties.signIn().logRetention());
    }
}
