package de.kiim.system;

import de.kiim.testsupport.ApiClient;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

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
        system.commandService.getBean(JdbcTemplate.class).update("""
                insert into directory.app_user (username, password_hash, agency_id, roles, demo)
                values (?, ?, 'abh-harz', '{AGENCY_SYSTEM}', true)""",
                user, system.commandService.getBean(PasswordEncoder.class).encode("demo"));

        assertThat(system.commands.get("/api/v1/imports", user, "Wr0ng-Secret",
                Map.of()).status()).isEqualTo(401);
        for (int i = 0; i < 3; i++) {
            assertThat(system.commands.get("/api/v1/imports", user).status())
                    .isEqualTo(200);
        }

        var listed = system.queries.get("/api/v1/audit/logins?user=" + user + "&from=" + from, "auditor");
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.json().findValuesAsText("outcome")).containsExactly("WRONG_PASSWORD", "SIGNED_IN");
        assertThat(listed.json().findValuesAsText("service")).containsOnly("command-service");
        assertThat(listed.json().findValuesAsText("clientAddress")).containsOnly("127.0.0.1");
        assertThat(listed.body()).doesNotContain("Wr0ng-Secret");
        assertThat(system.queries.get("/api/v1/audit/logins", user).status()).isEqualTo(403);
    }
}
