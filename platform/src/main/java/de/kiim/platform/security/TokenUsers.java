package de.kiim.platform.security;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import de.kiim.events.vocabulary.AgencyKind;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Turns a verified access token into the {@link KiimUser} it speaks for, as HTTP Basic does a password: the user
 * and the roles from the token's claims (named in {@link SecurityProperties.Claims}), the agency's kind from the
 * directory. The directory decides, not the token: a token naming an agency the directory does not know, or a
 * closed one, is signed in but entitled to nothing (403). The directory's answer is remembered as long as a
 * verified password is.
 */
public class TokenUsers implements Converter<Jwt, AbstractAuthenticationToken> {

    private final SecurityProperties.Claims claims;
    private final LoadingCache<String, Optional<AgencyKind>> agencies;

    public TokenUsers(SecurityProperties properties, AgencyDirectory directory) {
        this.claims = properties.jwt().claims();
        this.agencies = Caffeine.newBuilder()
                .expireAfterWrite(properties.credentialCacheTtl())
                .maximumSize(properties.credentialCacheSize())
                .build(directory::kindOf);
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt token) {
        String username =
                Optional.ofNullable(text(claim(token, claims.username()))).orElse(token.getSubject());
        String agency = text(claim(token, claims.agency()));
        Optional<AgencyKind> kind = agency == null ? Optional.empty() : agencies.get(agency);
        Set<Role> roles = kind.isPresent() ? roles(claim(token, claims.roles())) : Set.of();
        var user = new KiimUser(username, null, kind.isPresent() ? agency : null, kind.orElse(null), roles, true);
        return new TokenAuthentication(user, token);
    }

    /** The claim at a dotted path, or null. */
    private static Object claim(Jwt token, String path) {
        Object value = token.getClaims();
        for (String name : path.split("\\.")) {
            if (!(value instanceof Map<?, ?> claims)) {
                return null;
            }
            value = claims.get(name);
        }
        return value;
    }

    private static String text(Object claim) {
        if (claim instanceof Collection<?> values) {
            return values.size() == 1 ? text(values.iterator().next()) : null;
        }
        return claim instanceof String value && !value.isBlank() ? value : null;
    }

    private static Set<Role> roles(Object claim) {
        if (!(claim instanceof Collection<?> names)) {
            return Set.of();
        }
        Set<String> known = Arrays.stream(Role.values()).map(Enum::name).collect(Collectors.toSet());
        return names.stream()
                .map(String::valueOf)
                .filter(known::contains)
                .map(Role::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
    }

    /** A request authenticated by an access token: the principal is the user, the credentials are the token. */
    static final class TokenAuthentication extends AbstractAuthenticationToken {

        private final KiimUser user;
        private final transient Jwt token;

        TokenAuthentication(KiimUser user, Jwt token) {
            super(user.getAuthorities());
            this.user = user;
            this.token = token;
            setAuthenticated(true);
        }

        @Override
        public KiimUser getPrincipal() {
            return user;
        }

        @Override
        public Jwt getCredentials() {
            return token;
        }
    }
}
