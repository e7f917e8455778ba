package de.kiim.platform.security;

import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The bcrypt check of a user name and password, at the same cost for every way it can fail: a wrong password, an
 * unknown user (Spring checks the password against a dummy hash then) and a disabled account, whose state is
 * looked at only after its password was checked — Spring's default checks it first and answered a disabled account
 * without bcrypt, ten times faster than a wrong password. The failures keep their own exception types
 * ({@link org.springframework.security.core.userdetails.UsernameNotFoundException}, {@link DisabledException},
 * {@link BadCredentialsException}) for the sign-in record; the answer to the client is the same for all.
 * <p>
 * At most {@code concurrent-checks} run at once, so a flood of sign-ins cannot take every core; a sign-in that
 * finds none free within {@code check-wait} is refused with 503.
 * <p>
 * Spring's check logs the user name as typed at DEBUG under this class's name; kiim-platform.yml keeps it at INFO.
 */
class PasswordCheck extends DaoAuthenticationProvider {

    private final Semaphore checks;
    private final Duration wait;

    PasswordCheck(AgencyDirectory directory, PasswordEncoder passwordEncoder, int concurrentChecks, Duration wait) {
        super(directory);
        setPasswordEncoder(passwordEncoder);
        setHideUserNotFoundExceptions(false);
        // Locked and expired accounts do not exist in the directory; the enabled flag is checked after the password.
        setPreAuthenticationChecks(user -> {
        });
        this.checks = new Semaphore(concurrentChecks, true);
        this.wait = wait;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        try {
            if (!checks.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new SignInRefusedException(HttpStatus.SERVICE_UNAVAILABLE, Duration.ofSeconds(1));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SignInRefusedException(HttpStatus.SERVICE_UNAVAILABLE, Duration.ofSeconds(1));
        }
        try {
            return super.authenticate(authentication);
        } finally {
            checks.release();
        }
    }

    @Override
    protected void additionalAuthenticationChecks(UserDetails user, UsernamePasswordAuthenticationToken authentication) {
        try {
            super.additionalAuthenticationChecks(user, authentication);
        } catch (BadCredentialsException wrongPassword) {
            if (!user.isEnabled()) {
                throw new DisabledException("disabled");
            }
            throw wrongPassword;
        }
        if (!user.isEnabled()) {
            throw new DisabledException("disabled");
        }
    }
}
