package de.kiim.command.erasure;

import static org.assertj.core.api.Assertions.assertThat;

import de.kiim.command.person.RegistrationApiTest;
import de.kiim.events.PersonId;
import de.kiim.platform.crypto.PersonKeyStore;
import de.kiim.testsupport.ApiClient;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.axonframework.common.caching.Cache;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Erasure leaves nothing of the person in the command service's caches, even with a read racing it. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=command-service,test")
@ActiveProfiles("local")
class ErasureCachesTest {

    @LocalServerPort
    int port;

    @Autowired
    PersonKeyStore keys;

    @Autowired
    @Qualifier("personCache")
    Cache personCache;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void a_read_racing_the_key_deletion_does_not_leave_the_key_cached() throws Exception {
        PersonId personId = PersonId.random();
        new TransactionTemplate(transactions).executeWithoutResult(status -> keys.issue(personId));
        keys.evict(personId);

        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            keys.destroy(personId);
            // Another request reads before the deletion commits: it still finds the key, and caches it.
            try {
                assertThat(CompletableFuture.supplyAsync(() -> keys.find(personId))
                                .get(10, TimeUnit.SECONDS))
                        .isPresent();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });

        assertThat(keys.cache().getIfPresent(personId)).isNull();
        assertThat(keys.find(personId)).isEmpty();
    }

    @Test
    void an_erased_person_leaves_the_aggregate_cache() {
        ApiClient api = ApiClient.onPort(port);
        var body = RegistrationApiTest.validPerson();
        body.remove("azrNumber");
        body.put("familyName", "Zwischenspeicher-" + System.nanoTime());
        String personId = api.post("/api/v1/persons", "abh", ApiClient.json(body))
                .json()
                .path("personId")
                .asText();
        assertThat(personCache.containsKey(personId)).isTrue();

        assertThat(api.post(
                                "/api/v1/persons/" + personId + "/erasure",
                                "steward",
                                ApiClient.json(Map.of("reason", "DATA_SUBJECT_REQUEST")))
                        .status())
                .isEqualTo(200);

        assertThat(personCache.containsKey(personId)).isFalse();
    }
}
