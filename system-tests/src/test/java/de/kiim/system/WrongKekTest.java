package de.kiim.system;

import static de.kiim.system.RunningSystem.builderOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.kiim.command.CommandServiceApplication;
import de.kiim.query.QueryServiceApplication;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

class WrongKekTest {

    private final RunningSystem system = RunningSystem.instance();

    private long count(String table) {
        return system.commandService
                .getBean(JdbcTemplate.class)
                .queryForObject("select count(*) from " + table, Long.class);
    }

    @Test
    void a_start_with_a_wrong_kek_fails_clearly_and_writes_nothing() {
        RegisterAndReadTest.registerSomeone(system);
        long events = count("event_store.domain_event_entry");
        long keys = count("key_store.person_key");
        String wrongKek = RunningSystem.randomKek();

        for (Class<?> service : new Class<?>[] {CommandServiceApplication.class, QueryServiceApplication.class}) {
            assertThatThrownBy(() -> builderOf(service)
                            .profiles("local")
                            .run(
                                    "--server.port=0",
                                    "--logging.structured.format.console=",
                                    "--kiim.crypto.kek=" + wrongKek))
                    .rootCause()
                    .hasMessageContaining("which is not configured")
                    .hasMessageContaining("Wrong KIIM_KEK or KIIM_KEK_FILE?")
                    .hasMessageNotContaining(wrongKek);
        }

        assertThat(count("event_store.domain_event_entry")).isEqualTo(events);
        assertThat(count("key_store.person_key")).isEqualTo(keys);
    }

    @Test
    void a_malformed_kek_fails_naming_the_setting_but_not_the_value() {
        assertThatThrownBy(() -> CommandServiceApplication.builder()
                        .run("--server.port=0", "--logging.structured.format.console=", "--kiim.crypto.kek=not-a-key"))
                .rootCause()
                .hasMessageContaining("Malformed key-encryption key in kiim.crypto.kek (KIIM_KEK)")
                .hasMessageNotContaining("not-a-key");
    }
}
