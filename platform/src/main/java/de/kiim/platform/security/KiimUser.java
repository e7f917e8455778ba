package de.kiim.platform.security;

import de.kiim.events.vocabulary.AgencyKind;
import java.util.Collection;
import java.util.Set;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The authenticated principal in both services: a user of one agency with roles. Whatever authenticates the
 * request (HTTP Basic now, an OIDC token later) ends in this type, so the rest of the code has one notion of
 * "who is asking".
 */
public final class KiimUser implements UserDetails, CredentialsContainer {

    private final String username;
    private String passwordHash;
    private final String agencyId;
    private final AgencyKind agencyKind;
    private final Set<Role> roles;
    private final boolean enabled;

    public KiimUser(
            String username,
            String passwordHash,
            String agencyId,
            AgencyKind agencyKind,
            Set<Role> roles,
            boolean enabled) {
        this.username = username;
        this.passwordHash = passwordHash;
        this.agencyId = agencyId;
        this.agencyKind = agencyKind;
        this.roles = Set.copyOf(roles);
        this.enabled = enabled;
    }

    public String agencyId() {
        return agencyId;
    }

    public AgencyKind agencyKind() {
        return agencyKind;
    }

    public Set<Role> roles() {
        return roles;
    }

    public boolean hasRole(Role role) {
        return roles.contains(role);
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return roles.stream()
                .map(role -> new SimpleGrantedAuthority(role.authority()))
                .toList();
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }

    @Override
    public String toString() {
        return "KiimUser[" + username + "@" + agencyId + ", roles=" + roles + "]";
    }
}
