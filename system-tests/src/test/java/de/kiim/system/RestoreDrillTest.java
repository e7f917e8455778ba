package de.kiim.system;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import de.kiim.command.CommandServiceApplication;
import de.kiim.query.QueryServiceApplication;
import de.kiim.testsupport.ApiClient;
import de.kiim.testsupport.PgDump;
import de.kiim.testsupport.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The restore drill of docs/operations.md: record persons, dump the database as an operator's backup does, drop
 * it, restore the dump into a new database, start the services on it with the same key-encryption key, rebuild
 * every projection from the restored events — and every card and timeline answers as before.
 */
class RestoreDrillTest {

    @TempDir
    Path secrets;

    @Test
    void dump_drop_restore_replay_gives_the_same_answers() throws Exception {
        Path kek = Files.writeString(secrets.resolve("kek"), RunningSystem.randomKek());
        TestDatabase original = TestDatabase.another();
        Map<String, JsonNode> before;
        List<String> persons = new ArrayList<>();
        try (var command = start(CommandServiceApplication.class, original, kek);
                var query = start(QueryServiceApplication.class, original, kek)) {
            ApiClient commands = ApiClient.onPort(port(command));
            for (int i = 0; i < 3; i++) {
                var registered = commands.post("/api/v1/persons", "abh", ApiClient.json(RegisterAndReadTest.person()));
                String id = registered.json().path("personId").asText();
                persons.add(id);
                commands.post("/api/v1/persons/" + id + "/residence-status", "abh", "{\"status\":\"AE_25_1\"}");
                commands.post(
                        "/api/v1/persons/" + id + "/courses",
                        "abh",
                        "{\"courseType\":\"INTEGRATION_GENERAL\",\"startsOn\":\"2024-03-04\",\"providerAgency\":\"vhs-harz\"}");
            }
            ApiClient queries = ApiClient.onPort(port(query));
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> persons.stream()
                            .allMatch(person -> "\"2\""
                                            .equals(queries.get("/api/v1/persons/" + person, "kim")
                                                    .header("ETag")
                                                    .orElse(""))
                                    && queries.get("/api/v1/persons/" + person, "sprachkurs")
                                                    .status()
                                            == 200));
            before = answers(queries, persons);
        }

        String dump = PgDump.of(original);
        original.server().awaitNoConnections(original.name(), Duration.ofSeconds(30));
        original.server().dropDatabase(original.name());
        TestDatabase restored = TestDatabase.another();
        PgDump.restore(dump, restored);

        try (var query = start(QueryServiceApplication.class, restored, kek)) {
            replayAll(query);
            ApiClient queries = ApiClient.onPort(port(query));
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> answers(queries, persons).equals(before));
        }
    }

    /** Every person's card and timeline as the registering authority and integration management read them. */
    private static Map<String, JsonNode> answers(ApiClient queries, List<String> persons) {
        Map<String, JsonNode> answers = new LinkedHashMap<>();
        for (String person : persons) {
            for (String user : List.of("abh", "kim", "sprachkurs")) {
                answers.put(
                        user + " card " + person,
                        queries.get("/api/v1/persons/" + person, user).json());
                answers.put(
                        user + " timeline " + person,
                        queries.get("/api/v1/persons/" + person + "/timeline", user)
                                .json());
            }
        }
        return answers;
    }

    private static void replayAll(ConfigurableApplicationContext query) {
        var processing = query.getBean(EventProcessingConfiguration.class);
        for (var processor : processing.eventProcessors().values()) {
            if (processor instanceof StreamingEventProcessor streaming) {
                streaming.shutDown();
                streaming.resetTokens();
                streaming.start();
            }
        }
    }

    private static ConfigurableApplicationContext start(Class<?> service, TestDatabase database, Path kek) {
        return RunningSystem.builderOf(service)
                .profiles("local")
                .run(
                        "--server.port=0",
                        "--logging.structured.format.console=",
                        "--spring.datasource.url=" + database.jdbcUrl(),
                        "--kiim.crypto.kek-file=" + kek);
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }
}
