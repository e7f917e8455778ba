package de.kiim.system;

import static de.kiim.system.RunningSystem.builderOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.kiim.command.CommandServiceApplication;
import de.kiim.query.QueryServiceApplication;
import org.junit.jupiter.api.Test;

class DemoUsersGuardTest {

    @Test
    void a_service_outside_the_local_profile_refuses_a_database_with_demo_users() {
        RunningSystem.instance(); // the local profile has seeded the demo users

        for (Class<?> service : new Class<?>[] {CommandServiceApplication.class, QueryServiceApplication.class}) {
            assertThatThrownBy(() -> builderOf(service)
                            // The running system's KEK, so that the demo-user guard is what stops the start.
                            .run(java.util.stream.Stream.concat(
                                            java.util.stream.Stream.of(
                                                    "--server.port=0",
                                                    "--logging.structured.format.console=",
                                                    "--kiim.crypto.kek-file=" + RunningSystem.KEK_FILE,
                                                    "--kiim.security.jwt.issuer-uri=http://localhost:8083"),
                                            // and a retention for every reason, as a deployment must configure
                                            // (RetentionPeriods)
                                            java.util.Arrays.stream(de.kiim.events.vocabulary.SupportEndReason.values())
                                                    .map(reason -> "--kiim.erasure.retention." + reason + "=P6M"))
                                    .toArray(String[]::new)))
                    .rootCause()
                    .hasMessageContaining("demo user(s)")
                    .hasMessageContaining("'local' profile is not active");
        }
        assertThat(RunningSystem.instance().commandService.isActive()).isTrue();
    }
}
