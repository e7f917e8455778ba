package de.kiim.platform.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;

/**
 * Remembers, for a short time, credentials that bcrypt has already verified, so that an agency system sending
 * thousands of commands with HTTP Basic pays for one bcrypt check (tens of milliseconds) per TTL, not per request.
 * <p>
 * Why this is safe: only successful authentications are cached; the cache key is an HMAC of username and password
 * under a random key that lives only in this process's memory, so neither the password nor a fast unsalted hash of
 * it is kept; a different password never matches a cached entry; and disabling a user or changing their roles
 * takes effect within the TTL (default two minutes). Failed attempts always go through bcrypt.
 */
public class VerifiedCredentialsCache implements AuthenticationProvider {

    private final AuthenticationProvider delegate;
    private final Cache<String, Authentication> verified;
    private final SecretKeySpec hmacKey;

    public VerifiedCredentialsCache(AuthenticationProvider delegate, Duration ttl, long maximumSize) {
        this.delegate = delegate;
        this.verified = Caffeine.newBuilder()
                .expireAfterWrite(ttl)
                .maximumSize(maximumSize)
                .build();
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        this.hmacKey = new SecretKeySpec(key, "HmacSHA256");
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        if (!(authentication.getCredentials() instanceof String password)) {
            return delegate.authenticate(authentication);
        }
        // One bcrypt check per key at a time: when an entry expires, the clients sending at that moment wait for
        // one check instead of each running their own. Failures throw, and nothing is cached for them.
        return verified.get(cacheKey(authentication.getName(), password), key -> {
            Authentication result = delegate.authenticate(authentication);
            return result != null && result.isAuthenticated() ? result : null;
        });
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    private String cacheKey(String username, String password) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(hmacKey);
            mac.update(username.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return HexFormat.of().formatHex(mac.doFinal(password.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
