package de.kiim.platform.security;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * The one authentication provider of both services: refuses a sign-in whose user name or client address is in its
 * backoff before anything else runs (no cache look-up, no bcrypt), then asks the verified-credentials cache, which
 * runs the {@link PasswordCheck} on a miss — at most {@code concurrent-checks} at once, so a flood of sign-ins
 * cannot take every core (503 when none is free within {@code check-wait}). Failures are counted and recorded and all end in the same
 * {@link BadCredentialsException}, so the client learns nothing but "no"; a success resets the user's count.
 * <p>
 * The client address is the request's remote address: behind a proxy, the proxy's — unless the service is told to
 * trust forwarded headers ({@code server.forward-headers-strategy}, docs/operations.md).
 */
class SignInGuard implements AuthenticationProvider {

    private final VerifiedCredentialsCache credentials;
    private final SignInThrottle throttle;
    private final SignInLog log;
    private final AgencyDirectory directory;
    private final Semaphore checks;
    private final Duration checkWait;

    SignInGuard(
            PasswordCheck passwordCheck,
            SecurityProperties properties,
            SignInThrottle throttle,
            SignInLog log,
            AgencyDirectory directory) {
        this.throttle = throttle;
        this.log = log;
        this.directory = directory;
        this.checks = new Semaphore(properties.signIn().permits(), true);
        this.checkWait = properties.signIn().checkWait();
        this.credentials = new VerifiedCredentialsCache(
                new AuthenticationProvider() {
                    @Override
                    public Authentication authenticate(Authentication authentication) {
                        return check(passwordCheck, authentication);
                    }

                    @Override
                    public boolean supports(Class<?> authentication) {
                        return passwordCheck.supports(authentication);
                    }
                },
                properties.credentialCacheTtl(),
                properties.credentialCacheSize());
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String username = authentication.getName();
        String address = clientAddress(authentication);
        refuseIfThrottled(username, address);
        try {
            Authentication result = credentials.authenticate(authentication);
            throttle.succeeded(username);
            return result;
        } catch (UsernameNotFoundException e) {
            throw failed(null, address, SignInLog.Outcome.UNKNOWN_USER);
        } catch (DisabledException e) {
            throw failed(username, address, SignInLog.Outcome.DISABLED);
        } catch (BadCredentialsException e) {
            throw failed(username, address, SignInLog.Outcome.WRONG_PASSWORD);
        }
    }

    /**
     * A cache miss: waits for one of the bounded password checks, asks the throttle again (attempts waiting
     * alongside may have failed in the meantime, and a concurrent flood must not run bcrypt once per request), and
     * checks. Runs once per cache entry: a password that bcrypt verified is a sign-in, a cached one is not.
     */
    private Authentication check(PasswordCheck passwordCheck, Authentication authentication) {
        try {
            if (!checks.tryAcquire(checkWait.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new SignInRefusedException(HttpStatus.SERVICE_UNAVAILABLE, Duration.ofSeconds(1));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SignInRefusedException(HttpStatus.SERVICE_UNAVAILABLE, Duration.ofSeconds(1));
        }
        try {
            String address = clientAddress(authentication);
            refuseIfThrottled(authentication.getName(), address);
            Authentication result;
            try {
                result = passwordCheck.authenticate(authentication);
            } catch (UsernameNotFoundException | DisabledException | BadCredentialsException e) {
                // Counted while the check is still held, so the next waiting attempt sees this failure.
                throttle.failed(authentication.getName(), address);
                throw e;
            }
            log.record(result.getName(), address, SignInLog.Outcome.SIGNED_IN);
            return result;
        } finally {
            checks.release();
        }
    }

    private void refuseIfThrottled(String username, String address) {
        var refusal = throttle.refusal(username, address);
        if (refusal.isPresent()) {
            if (refusal.get().firstOfBackoff()) {
                log.record(directory.isKnown(username) ? username : null, address, SignInLog.Outcome.THROTTLED);
            }
            throw new SignInRefusedException(
                    HttpStatus.TOO_MANY_REQUESTS, refusal.get().retryAfter());
        }
    }

    private AuthenticationException failed(String knownUsername, String address, SignInLog.Outcome outcome) {
        log.record(knownUsername, address, outcome);
        // One exception, one message for every failure: the answer is the same 401 whatever went wrong.
        return new BadCredentialsException("Bad credentials");
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    private static String clientAddress(Authentication authentication) {
        return authentication.getDetails() instanceof WebAuthenticationDetails details
                ? details.getRemoteAddress()
                : "";
    }
}
