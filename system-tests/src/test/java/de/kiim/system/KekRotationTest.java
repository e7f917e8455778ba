package de.kiim.system;

import static de.kiim.system.RunningSystem.builderOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import de.kiim.command.CommandServiceApplication;
import de.kiim.events.person.PersonRegistered;
import de.kiim.query.QueryServiceApplication;
import de.kiim.testsupport.ApiClient;
import de.kiim.testsupport.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/** KEK rotation on a database of its own: rotate, restart, and every event still decrypts. */
class KekRotationTest {

    @TempDir
    Path secrets;

    private final TestDatabase database = TestDatabase.another();

    @Test
    void after_rotation_and_restart_all_events_decrypt_with_the_new_kek_alone() throws IOException {
        Path oldKek = writeKek("old");
        List<String> persons = new ArrayList<>();
        try (var command = start(CommandServiceApplication.class, "--kiim.crypto.kek-file=" + oldKek)) {
            ApiClient api = ApiClient.onPort(port(command));
            for (int i = 0; i < 3; i++) {
                persons.add(register(api, "Rotationsfall-" + i));
            }
        }

        Path newKek = writeKek("new");
        try (var command = start(
                CommandServiceApplication.class,
                "--kiim.crypto.kek-file=" + newKek,
                "--kiim.crypto.previous-kek-files=" + oldKek)) {
            // re-wrapped at start-up; the endpoint finds nothing left to do
            var rotation = ApiClient.onPort(port(command)).post("/api/v1/admin/key-rotation", "steward", "");
            assertThat(rotation.status()).isEqualTo(200);
            assertThat(rotation.json().path("rewrapped").asInt()).isZero();
            assertThat(command.getBean(JdbcTemplate.class)
                            .queryForList("select distinct kek_id from key_store.person_key", String.class))
                    .containsExactly(rotation.json().path("currentKek").asText());
        }

        try (var command = start(CommandServiceApplication.class, "--kiim.crypto.kek-file=" + newKek);
                var query = start(QueryServiceApplication.class, "--kiim.crypto.kek-file=" + newKek)) {
            EventStore events = command.getBean(EventStore.class);
            for (int i = 0; i < persons.size(); i++) {
                PersonRegistered registered = (PersonRegistered)
                        events.readEvents(persons.get(i)).next().getPayload();
                assertThat(registered.familyName()).isEqualTo("Rotationsfall-" + i);
            }
            ApiClient queries = ApiClient.onPort(port(query));
            await().atMost(Duration.ofSeconds(15))
                    .until(() -> queries.get("/api/v1/persons/" + persons.get(2), "abh")
                                    .status()
                            == 200);
            assertThat(queries.get("/api/v1/persons/" + persons.get(2), "abh")
                            .json()
                            .path("familyName")
                            .asText())
                    .isEqualTo("Rotationsfall-2");
        }

        assertThatThrownBy(() -> start(CommandServiceApplication.class, "--kiim.crypto.kek-file=" + oldKek))
                .rootCause()
                .hasMessageContaining("which is not configured");
    }

    private Path writeKek(String name) throws IOException {
        byte[] kek = new byte[32];
        new java.security.SecureRandom().nextBytes(kek);
        return Files.writeString(
                secrets.resolve(name + ".kek"), java.util.Base64.getEncoder().encodeToString(kek));
    }

    private ConfigurableApplicationContext start(Class<?> service, String kekSetting, String... more) {
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0",
                "--logging.structured.format.console=",
                "--spring.datasource.url=" + database.jdbcUrl(),
                kekSetting));
        args.addAll(List.of(more));
        return builderOf(service).profiles("local").run(args.toArray(String[]::new));
    }

    private static String register(ApiClient api, String familyName) {
        var response = api.post(
                "/api/v1/persons",
                "abh",
                ApiClient.json(Map.of(
                        "familyName",
                        familyName,
                        "dateOfBirth",
                        "1985-08-08",
                        "sex",
                        "MALE",
                        "nationality",
                        "SY",
                        "entryDate",
                        "2015-09-01",
                        "municipality",
                        "15085235")));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().path("personId").asText();
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }
}
