package de.kiim.platform.security;

import de.kiim.events.vocabulary.AgencyKind;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

/**
 * Users and their agencies from schema {@code directory}, the one user table both services authenticate against.
 * A closed agency is as good as gone: its users are disabled and it is known to no lookup.
 */
public class AgencyDirectory implements UserDetailsService, OpenAgencies {

    private final JdbcTemplate jdbc;

    public AgencyDirectory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public KiimUser loadUserByUsername(String username) {
        return jdbc
                .query(
                        """
                        select u.username, u.password_hash, u.agency_id, a.kind, u.roles,
                               u.enabled and a.closed_on is null as enabled
                          from directory.app_user u join directory.agency a on a.id = u.agency_id
                         where u.username = ?""",
                        (rs, row) -> new KiimUser(
                                rs.getString("username"),
                                rs.getString("password_hash"),
                                rs.getString("agency_id"),
                                AgencyKind.valueOf(rs.getString("kind")),
                                roles(rs.getArray("roles")),
                                rs.getBoolean("enabled")),
                        username)
                .stream()
                .findFirst()
                // The message names no user: exception messages may end up in logs.
                .orElseThrow(() -> new UsernameNotFoundException("unknown user"));
    }

    /** Whether a user of exactly this name exists (enabled or not). */
    public boolean isKnown(String username) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists (select 1 from directory.app_user where username = ?)", Boolean.class, username));
    }

    /** The kind of the open agency with this id, if the directory knows it; a closed agency is not known. */
    public Optional<AgencyKind> kindOf(String agencyId) {
        return jdbc
                .queryForList(
                        "select kind from directory.agency where id = ? and closed_on is null", String.class, agencyId)
                .stream()
                .findFirst()
                .map(AgencyKind::valueOf);
    }

    @Override
    public boolean isOpen(String agencyId) {
        return kindOf(agencyId).isPresent();
    }

    /** Every open agency of the directory with its kind: the agencies the link rules link persons to. */
    public Map<String, AgencyKind> allAgencies() {
        Map<String, AgencyKind> agencies = new TreeMap<>();
        jdbc.query("select id, kind from directory.agency where closed_on is null", (ResultSet rs) -> {
            agencies.put(rs.getString("id"), AgencyKind.valueOf(rs.getString("kind")));
        });
        return agencies;
    }

    private static Set<Role> roles(Array array) throws SQLException {
        Set<Role> roles = Arrays.stream((String[]) array.getArray())
                .map(Role::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
        return roles;
    }
}
