package de.kiim.command.operations;

import static org.assertj.core.api.Assertions.assertThat;

import de.kiim.testsupport.ApiClient;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * An operator who moves the actuator to a port of its own (docs/operations.md, "Deploying") gets the same rules
 * there — health open, metrics the operator's alone — and nothing of it on the API's port (metrics are exported,
 * as in production, which Spring's tests otherwise turn off). The context is closed
 * after the class, so that this second command service does not share the event processors with the others.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=command-service,test", "management.server.port=0"})
@ActiveProfiles("local")
@AutoConfigureObservability(tracing = false)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ManagementPortTest {

    @LocalServerPort
    int apiPort;

    @LocalManagementPort
    int managementPort;

    @Test
    void the_management_port_keeps_the_operators_rules() {
        var management = ApiClient.onPort(managementPort);
        assertThat(management.get("/actuator/health", null).status()).isEqualTo(200);
        assertThat(management.get("/actuator/prometheus", null).status()).isEqualTo(401);
        assertThat(management.get("/actuator/prometheus", "steward").status()).isEqualTo(403);
        assertThat(management.get("/actuator/prometheus", "betrieb").status()).isEqualTo(200);
    }

    @Test
    void the_api_port_no_longer_serves_the_actuator() {
        var api = ApiClient.onPort(apiPort);
        assertThat(api.get("/actuator/prometheus", "betrieb").status()).isEqualTo(404);
        assertThat(api.get("/actuator/health", null).status()).isEqualTo(404);
    }
}
