package de.kiim.system;

import static org.assertj.core.api.Assertions.assertThat;

import de.kiim.testsupport.ApiClient;
import de.kiim.testsupport.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** What the scale-out tests share: their own database and KEK, and a few helpers. */
final class ScaleOut {

    private ScaleOut() {}

    static Path kekFile(Path directory) throws IOException {
        byte[] kek = new byte[32];
        new SecureRandom().nextBytes(kek);
        return Files.writeString(directory.resolve("kek"), Base64.getEncoder().encodeToString(kek));
    }

    static JdbcTemplate jdbc(TestDatabase database) {
        return new JdbcTemplate(
                new DriverManagerDataSource(database.jdbcUrl(), database.username(), database.password()));
    }

    static String register(ApiClient commands, int number) {
        var response = commands.post(
                "/api/v1/persons",
                "abh",
                ApiClient.json(Map.of(
                        "familyName",
                        "Skalierung-" + number,
                        "dateOfBirth",
                        "1991-03-0" + (1 + number % 9),
                        "sex",
                        "FEMALE",
                        "nationality",
                        "AF",
                        "entryDate",
                        "2022-05-01",
                        "municipality",
                        "15085135")));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().path("personId").asText();
    }
}
