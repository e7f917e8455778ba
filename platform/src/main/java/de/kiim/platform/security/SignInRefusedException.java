package de.kiim.platform.security;

import java.time.Duration;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;

/**
 * A sign-in refused before its password was checked: 429 while the user name or the client address is in its
 * backoff, 503 while all password checks are busy. Either way with {@code Retry-After}.
 */
public class SignInRefusedException extends AuthenticationException {

    private final HttpStatus status;
    private final Duration retryAfter;

    SignInRefusedException(HttpStatus status, Duration retryAfter) {
        super(status == HttpStatus.TOO_MANY_REQUESTS ? "too many failed sign-ins" : "password checks busy");
        this.status = status;
        this.retryAfter = retryAfter;
    }

    public HttpStatus status() {
        return status;
    }

    /** Whole seconds, rounded up, as {@code Retry-After} wants them; at least one. */
    public long retryAfterSeconds() {
        long millis = retryAfter.toMillis();
        return Math.max(1, (millis + 999) / 1000);
    }
}
