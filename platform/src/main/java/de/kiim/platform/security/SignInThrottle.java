package de.kiim.platform.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Counts failed sign-ins per user name (as typed) and per client address, in memory and bounded, and says when a
 * sign-in must wait: after the free failures, each further failure doubles the backoff, up to its maximum. While a
 * name or an address is in its backoff, every attempt is refused, the right password included — otherwise a
 * guesser would learn from a 200 among the 429s that a guess was right. Refused attempts do not prolong the backoff,
 * so a user who waits it out can sign in. A success resets the user name; an address is forgotten only after
 * {@code forget-failures-after} without failures (one successful user must not clear a guesser sharing the address).
 */
final class SignInThrottle {

    /** Failures so far, the end of the current backoff, and whether its first refusal has been recorded. */
    private record Failures(int count, Instant blockedUntil, boolean refusalRecorded) {}

    /** A refusal: how long to wait, and whether it is the first of this backoff (recorded once per backoff). */
    record Refusal(Duration retryAfter, boolean firstOfBackoff) {}

    /** Longer names are never users (the directory's limit); they share one counter per prefix. */
    private static final int MAX_KEY_LENGTH = 64;

    private final SecurityProperties.SignIn settings;
    private final Clock clock;
    private final Cache<String, Failures> users;
    private final Cache<String, Failures> addresses;

    SignInThrottle(SecurityProperties.SignIn settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.users = tracker(settings);
        this.addresses = tracker(settings);
    }

    private static Cache<String, Failures> tracker(SecurityProperties.SignIn settings) {
        return Caffeine.newBuilder()
                .maximumSize(settings.trackedKeys())
                .expireAfterWrite(settings.forgetFailuresAfter())
                .build();
    }

    /** A refusal if the user name or the address is in its backoff; the longer wait wins. */
    Optional<Refusal> refusal(String username, String address) {
        Instant now = clock.instant();
        Optional<Refusal> byUser = refusal(users, key(username), now);
        Optional<Refusal> byAddress = refusal(addresses, key(address), now);
        if (byUser.isEmpty() || byAddress.isEmpty()) {
            return byUser.isPresent() ? byUser : byAddress;
        }
        Duration wait = byUser.get().retryAfter().compareTo(byAddress.get().retryAfter()) >= 0
                ? byUser.get().retryAfter()
                : byAddress.get().retryAfter();
        return Optional.of(new Refusal(
                wait, byUser.get().firstOfBackoff() || byAddress.get().firstOfBackoff()));
    }

    private static Optional<Refusal> refusal(Cache<String, Failures> tracker, String key, Instant now) {
        Failures failures = tracker.getIfPresent(key);
        if (failures == null || !now.isBefore(failures.blockedUntil())) {
            return Optional.empty();
        }
        boolean[] first = {false};
        tracker.asMap().computeIfPresent(key, (k, current) -> {
            first[0] = !current.refusalRecorded();
            return first[0] ? new Failures(current.count(), current.blockedUntil(), true) : current;
        });
        return Optional.of(new Refusal(Duration.between(now, failures.blockedUntil()), first[0]));
    }

    /** One more failure of this user name from this address; may start or lengthen a backoff. */
    void failed(String username, String address) {
        Instant now = clock.instant();
        count(users, key(username), settings.freeFailuresPerUser(), now);
        count(addresses, key(address), settings.freeFailuresPerAddress(), now);
    }

    private void count(Cache<String, Failures> tracker, String key, int free, Instant now) {
        tracker.asMap().compute(key, (k, current) -> {
            int count = current == null ? 1 : current.count() + 1;
            Instant blockedUntil = count < free ? Instant.MIN : now.plus(backoff(count - free));
            return new Failures(count, blockedUntil, false);
        });
    }

    /** The backoff after {@code beyond} failures past the free ones: initial, doubled each time, capped. */
    private Duration backoff(int beyond) {
        Duration backoff = settings.initialBackoff();
        for (int i = 0; i < beyond && backoff.compareTo(settings.maximumBackoff()) < 0; i++) {
            backoff = backoff.multipliedBy(2);
        }
        return backoff.compareTo(settings.maximumBackoff()) > 0 ? settings.maximumBackoff() : backoff;
    }

    /** The user signed in: their name starts from zero. */
    void succeeded(String username) {
        users.invalidate(key(username));
    }

    private static String key(String value) {
        String key = value == null ? "" : value;
        return key.length() > MAX_KEY_LENGTH ? key.substring(0, MAX_KEY_LENGTH) : key;
    }
}
