package de.kiim.system;

import static de.kiim.system.RunningSystem.builderOf;
import static de.kiim.system.RunningSystem.port;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import de.kiim.command.CommandServiceApplication;
import de.kiim.events.vocabulary.AgencyKind;
import de.kiim.events.vocabulary.SupportEndReason;
import de.kiim.platform.database.MigrateOnly;
import de.kiim.query.QueryServiceApplication;
import de.kiim.testsupport.ApiClient;
import de.kiim.testsupport.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * Both services on a database of their own with the three roles of {@code deploy/postgres/roles.sql}: the migrator
 * owns everything, the command and query roles get only their grants (both ways of migrating: at a service's start,
 * and by a migrate-only run before a service that does not migrate). A person is registered and read through the
 * API, and then each application role, on a connection of its own, is refused what it must never do.
 */
class DatabaseRolesTest {

    /** PostgreSQL's SQL state for "permission denied" and "must be owner". */
    private static final String INSUFFICIENT_PRIVILEGE = "42501";
    /** What a PL/pgSQL {@code raise exception} answers. */
    private static final String RAISED_BY_TRIGGER = "P0001";

    private static final String USER = "registrar";
    private static final String STEWARD = "steward";

    private final TestDatabase database = TestDatabase.another();
    // Roles are cluster-wide: names of this run only.
    private final String suffix = Integer.toString(ThreadLocalRandom.current().nextInt(1 << 20, 1 << 30), 36);
    private final String migrator = "kiim_migrator_" + suffix;
    private final String commandRole = "kiim_command_" + suffix;
    private final String queryRole = "kiim_query_" + suffix;
    private final String kek = RunningSystem.randomKek();
    private final List<ConfigurableApplicationContext> services = new ArrayList<>();

    @Test
    void each_service_runs_with_its_own_role_and_neither_can_rewrite_history() throws Exception {
        try (Connection admin = database.server().connect(database.name())) {
            admin.createStatement().execute(rolesScript());
        }

        // The command service migrates at its start, as the migrator; the query service's schemas are migrated
        // before by its migrate-only run, so the query service itself never holds the migrator's password.
        var command = start(CommandServiceApplication.class, commandRole, migratorSettings());
        addUsers();
        var migrateOnly = new ArrayList<>(List.of(
                MigrateOnly.ARGUMENT,
                "--spring.datasource.url=" + database.jdbcUrl(),
                "--logging.structured.format.console="));
        migrateOnly.addAll(migratorSettings());
        QueryServiceApplication.main(migrateOnly.toArray(String[]::new));
        var query = start(QueryServiceApplication.class, queryRole, List.of("--kiim.migrations.enabled=false"));

        ApiClient commands = ApiClient.onPort(port(command));
        ApiClient queries = ApiClient.onPort(port(query));
        var registered = commands.post(
                "/api/v1/persons",
                USER,
                ApiClient.json(Map.of(
                        "familyName",
                        "Rollenfall",
                        "dateOfBirth",
                        "1988-03-03",
                        "sex",
                        "FEMALE",
                        "nationality",
                        "SY",
                        "entryDate",
                        "2016-01-10",
                        "municipality",
                        "15085235")));
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        String person = registered.json().path("personId").asText();
        await().atMost(Duration.ofSeconds(20))
                .until(() -> queries.get("/api/v1/persons/" + person, USER).status() == 200);
        assertThat(queries.get("/api/v1/persons/" + person, USER)
                        .json()
                        .path("familyName")
                        .asText())
                .isEqualTo("Rollenfall");

        // What each role needs, it has: the events were appended, the key issued, the reads logged.
        assertThat(count(commandRole, "select count(*) from event_store.domain_event_entry"))
                .isPositive();
        assertThat(count(queryRole, "select count(*) from key_store.person_key"))
                .isEqualTo(1);
        assertThat(count(queryRole, "select count(*) from audit.access_log")).isPositive();
        // A replay resets the query side's tokens and empties its views; an erasure destroys the key on the
        // command side and deletes the views on the query side.
        assertThat(queries.post("/api/v1/admin/projections/agency-views/replay", STEWARD, "")
                        .status())
                .isEqualTo(202);
        var erasure = commands.post(
                "/api/v1/persons/" + person + "/erasure",
                STEWARD,
                ApiClient.json(Map.of("reason", "DATA_SUBJECT_REQUEST")));
        assertThat(erasure.status()).as(erasure.body()).isEqualTo(200);
        assertThat(count(queryRole, "select count(*) from key_store.person_key"))
                .isZero();
        await().atMost(Duration.ofSeconds(20))
                .until(() -> queries.get("/api/v1/persons/" + person, USER).status() == 404);

        // The command role adds agencies and sets their name and closing day, nothing else of the directory.
        var agency = commands.post(
                "/api/v1/admin/agencies",
                STEWARD,
                ApiClient.json(Map.of(
                        "id",
                        "vhs-rollen",
                        "name",
                        "VHS Rollen",
                        "kind",
                        "SPRACHKURSTRAEGER",
                        "municipality",
                        "15085135")));
        assertThat(agency.status()).as(agency.body()).isEqualTo(201);
        assertThat(commands.post("/api/v1/admin/agencies/vhs-rollen/closure", STEWARD, "{}")
                        .status())
                .isEqualTo(204);
        assertRefused(commandRole, "update directory.agency set kind = kind");
        assertRefused(commandRole, "delete from directory.agency");
        assertRefused(commandRole, "update directory.app_user set roles = roles");
        assertRefused(queryRole, "update directory.agency set name = name");

        // The query side cannot destroy or replace a person's key.
        assertRefused(queryRole, "delete from key_store.person_key");
        assertRefused(queryRole, "update key_store.person_key set kek_id = kek_id");
        assertRefused(
                queryRole,
                "insert into key_store.person_key (person_id, kek_id, wrapped_key) "
                        + "values (gen_random_uuid(), 'k', '\\x00')");
        // It reads (and creates on first use) the access log's chain key, but cannot replace or remove a key.
        assertRefused(queryRole, "update key_store.deployment_key set kek_id = kek_id");
        assertRefused(queryRole, "delete from key_store.deployment_key");
        // Each service keeps out of the other's schema.
        assertRefused(commandRole, "select count(*) from query.person_card");
        assertRefused(queryRole, "select count(*) from command.blind_index");
        // Events are appended, never changed or deleted.
        assertRefused(commandRole, "update event_store.domain_event_entry set payload_type = payload_type");
        assertRefused(commandRole, "delete from event_store.domain_event_entry");
        assertRefused(queryRole, "delete from event_store.domain_event_entry");
        // Neither service can switch off the access log's protection, drop it, or change it.
        for (String role : List.of(commandRole, queryRole)) {
            assertRefused(role, "alter table audit.access_log disable trigger access_log_append_only");
            assertRefused(role, "drop trigger access_log_append_only on audit.access_log");
            assertRefused(role, "drop table audit.access_log");
            assertRefused(role, "update audit.access_log set username = username");
        }
        assertRefused(commandRole, "delete from audit.access_log");
        // The query side may delete only what retention lets go, entries before a retention anchor: its trigger
        // refuses the rest.
        assertRefused(queryRole, "delete from audit.access_log", RAISED_BY_TRIGGER);
        assertRefused(queryRole, "delete from audit.access_log_anchor");
        // Nor create anything of its own, nor touch a migration history.
        assertRefused(queryRole, "create table query.shadow (id int)");
        assertRefused(commandRole, "create schema shadow");
        assertRefused(commandRole, "delete from command.flyway_schema_history");
    }

    @AfterEach
    void dropDatabaseAndRoles() throws SQLException {
        services.forEach(ConfigurableApplicationContext::close);
        database.server().awaitNoConnections(database.name(), Duration.ofSeconds(30));
        database.server().dropDatabase(database.name());
        try (Connection admin = database.server().connect("postgres")) {
            for (String role : List.of(commandRole, queryRole, migrator)) {
                admin.createStatement().execute("drop role if exists " + role);
            }
        }
    }

    /** The DBA's script, with this run's role names. */
    private String rolesScript() throws IOException {
        return Files.readString(Path.of("..", "deploy", "postgres", "roles.sql"))
                .replace("kiim_migrator", migrator)
                .replace("kiim_command", commandRole)
                .replace("kiim_query", queryRole);
    }

    private List<String> migratorSettings() {
        return List.of(
                "--kiim.migrations.username=" + migrator,
                "--kiim.migrations.password=",
                "--kiim.migrations.command-role=" + commandRole,
                "--kiim.migrations.query-role=" + queryRole);
    }

    private ConfigurableApplicationContext start(Class<?> service, String role, List<String> migrations) {
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0",
                "--logging.structured.format.console=",
                "--spring.datasource.url=" + database.jdbcUrl(),
                "--spring.datasource.username=" + role,
                "--spring.datasource.password=",
                // Outside the local profile, as deployed: a KEK, a retention for every reason, and sign-on
                // (HTTP Basic, opted into, as for a deployment without an identity provider).
                "--kiim.crypto.kek=" + kek,
                "--kiim.security.basic.enabled=true"));
        args.addAll(migrations);
        Arrays.stream(SupportEndReason.values())
                .forEach(reason -> args.add("--kiim.erasure.retention." + reason + "=P6M"));
        var context = builderOf(service).run(args.toArray(String[]::new));
        services.add(context);
        return context;
    }

    /** The DBA adds users (and agencies from before the directory API) as the migrator. */
    private void addUsers() throws SQLException {
        try (Connection owner = connect(migrator)) {
            addUser(owner, USER, "abh-test", AgencyKind.AUSLAENDERBEHOERDE, "{CASEWORKER,AGENCY_SYSTEM}");
            addUser(owner, STEWARD, "kim-test", AgencyKind.INTEGRATIONSMANAGEMENT, "{DATA_STEWARD}");
        }
    }

    private static void addUser(Connection owner, String username, String agencyId, AgencyKind kind, String roles)
            throws SQLException {
        var agency = owner.prepareStatement(
                "insert into directory.agency (id, name, kind, municipality) values (?, ?, ?, '15085135')");
        agency.setString(1, agencyId);
        agency.setString(2, agencyId);
        agency.setString(3, kind.code());
        agency.executeUpdate();
        var user = owner.prepareStatement("""
                insert into directory.app_user (username, password_hash, agency_id, roles)
                values (?, ?, ?, ?::varchar[])""");
        user.setString(1, username);
        user.setString(2, new BCryptPasswordEncoder().encode("demo")); // ApiClient's password
        user.setString(3, agencyId);
        user.setString(4, roles);
        user.executeUpdate();
    }

    private long count(String role, String sql) throws SQLException {
        try (Connection connection = connect(role);
                var result = connection.createStatement().executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }

    private void assertRefused(String role, String sql) throws SQLException {
        assertRefused(role, sql, INSUFFICIENT_PRIVILEGE);
    }

    private void assertRefused(String role, String sql, String sqlState) throws SQLException {
        try (Connection connection = connect(role)) {
            connection.setAutoCommit(false);
            try {
                assertThatThrownBy(() -> connection.createStatement().execute(sql))
                        .as("%s: %s", role, sql)
                        .isInstanceOfSatisfying(
                                SQLException.class,
                                e -> assertThat(e.getSQLState())
                                        .as(e.getMessage())
                                        .isEqualTo(sqlState));
            } finally {
                connection.rollback();
            }
        }
    }

    private Connection connect(String role) throws SQLException {
        return DriverManager.getConnection(database.server().jdbcUrl(database.name()), role, "");
    }
}
