package de.kiim.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The command service records sign-ins in the table both services share, and auditors read them on the query
 * service: failures each, a verified password once per credentials-cache entry however many requests it signs.
 */
class SignInRecordTest {

    private static final RunningSystem system = RunningSystem.instance();

    @Test
    void sign_ins_to_the_command_service_are_listed_for_auditors_on_the_query_service() {
        Instant from = Instant.now().minusSeconds(1);
        String user = "signin-record-" + System.nanoTime();
        system.commandService
                .getBean(JdbcTemplate.class)
                .update(
                        """
                insert into directory.app_user (username, password_hash, agency_id, roles, demo)
                values (?, ?, 'abh-harz', '{AGENCY_SYSTEM}', true)""",
                        user,
                        system.commandService.getBean(PasswordEncoder.class).encode("demo"));

        assertThat(system.commands
                        .get("/api/v1/imports", user, "Wr0ng-Secret", Map.of())
                        .status())
                .isEqualTo(401);
        for (int i = 0; i < 3; i++) {
            assertThat(system.commands.get("/api/v1/imports", user).status()).isEqualTo(200);
        }

        var listed = system.queries.get("/api/v1/audit/logins?user=" + user + "&from=" + from, "auditor");
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.json().findValuesAsText("outcome")).containsExactly("WRONG_PASSWORD", "SIGNED_IN");
        assertThat(listed.json().findValuesAsText("service")).containsOnly("command-service");
        assertThat(listed.json().findValuesAsText("clientAddress")).containsOnly("127.0.0.1");
        assertThat(listed.body()).doesNotContain("Wr0ng-Secret");
        assertThat(system.queries.get("/api/v1/audit/logins", user).status()).isEqualTo(403);
    }

    /** A password typed into the user field reaches neither the record nor the services' log (at DEBUG here). */
    @Test
    void an_unknown_user_name_is_neither_recorded_nor_logged() throws Exception {
        Instant from = Instant.now().minusSeconds(1);
        String typed = "Typed-Secret-" + System.nanoTime();

        assertThat(system.commands.get("/api/v1/imports", typed, "x", Map.of()).status())
                .isEqualTo(401);

        var listed = system.queries.get("/api/v1/audit/logins?outcome=UNKNOWN_USER&from=" + from, "auditor");
        assertThat(listed.json().findValuesAsText("service")).contains("command-service");
        assertThat(listed.body()).doesNotContain(typed);
        assertThat(java.nio.file.Files.readString(java.nio.file.Path.of(RunningSystem.LOG_FILE)))
                .doesNotContain(typed);
    }
}
