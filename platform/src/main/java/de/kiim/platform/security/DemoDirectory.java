package de.kiim.platform.security;

import de.kiim.events.vocabulary.AgencyKind;
import java.util.List;
import java.util.Set;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The demo district of the {@code local} profile: one agency of every kind in Landkreis Harz (15085) and one user
 * per role, all with password {@code demo}. Seeding is idempotent, so both services may do it at every start.
 */
public class DemoDirectory implements InitializingBean {

    static final String PASSWORD = "demo";
    /** Kreisstadt Halberstadt, seat of the district administration. */
    private static final String HALBERSTADT = "15085135";

    record Agency(String id, String name, AgencyKind kind) {}

    record User(String username, String agencyId, Set<Role> roles) {}

    static final List<Agency> AGENCIES = List.of(
            new Agency("abh-harz", "Ausländerbehörde Landkreis Harz", AgencyKind.AUSLAENDERBEHOERDE),
            new Agency("jobcenter-harz", "Jobcenter Landkreis Harz", AgencyKind.JOBCENTER),
            new Agency("afa-halberstadt", "Agentur für Arbeit Halberstadt", AgencyKind.AGENTUR_FUER_ARBEIT),
            new Agency("sozialamt-harz", "Sozialamt Landkreis Harz", AgencyKind.SOZIALAMT),
            new Agency("mbe-harz", "Migrationsberatung für Erwachsene Harz", AgencyKind.MIGRATIONSBERATUNG),
            new Agency("vhs-harz", "Kreisvolkshochschule Harz", AgencyKind.SPRACHKURSTRAEGER),
            new Agency("kim-harz", "Kommunales Integrationsmanagement Harz", AgencyKind.INTEGRATIONSMANAGEMENT));

    static final List<User> USERS = List.of(
            new User("abh", "abh-harz", Set.of(Role.CASEWORKER, Role.AGENCY_SYSTEM)),
            new User("jobcenter", "jobcenter-harz", Set.of(Role.CASEWORKER)),
            new User("sozialamt", "sozialamt-harz", Set.of(Role.CASEWORKER)),
            new User("beratung", "mbe-harz", Set.of(Role.CASEWORKER)),
            new User("sprachkurs", "vhs-harz", Set.of(Role.CASEWORKER)),
            new User("kim", "kim-harz", Set.of(Role.CASEWORKER)),
            new User("analyst", "kim-harz", Set.of(Role.ANALYST)),
            new User("auditor", "kim-harz", Set.of(Role.AUDITOR)),
            new User("steward", "kim-harz", Set.of(Role.DATA_STEWARD)),
            new User("betrieb", "kim-harz", Set.of(Role.OPERATOR)));

    private final JdbcTemplate jdbc;
    private final PasswordEncoder passwordEncoder;

    public DemoDirectory(JdbcTemplate jdbc, PasswordEncoder passwordEncoder) {
        this.jdbc = jdbc;
        this.passwordEncoder = passwordEncoder;
    }

    @Override
    public void afterPropertiesSet() {
        for (Agency agency : AGENCIES) {
            jdbc.update("""
                    insert into directory.agency (id, name, kind, municipality) values (?, ?, ?, ?)
                    on conflict (id) do nothing""", agency.id(), agency.name(), agency.kind().code(), HALBERSTADT);
        }
        String hash = passwordEncoder.encode(PASSWORD);
        for (User user : USERS) {
            jdbc.update(
                    """
                            insert into directory.app_user (username, password_hash, agency_id, roles, demo)
                            values (?, ?, ?, ?::varchar[], true)
                            on conflict (username) do nothing""",
                    user.username(),
                    hash,
                    user.agencyId(),
                    "{"
                            + String.join(
                                    ",",
                                    user.roles().stream()
                                            .map(Role::name)
                                            .sorted()
                                            .toList()) + "}");
        }
    }
}
