package de.kiim.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import de.kiim.testsupport.ApiClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * Sign-in protection over HTTP: failures per user and per client address are throttled with backoff before bcrypt
 * runs, the right password included; unknown, disabled and wrongly-typed accounts cost the same and answer the
 * same; failed sign-ins are recorded for auditors, without passwords and without names nobody has. Each test uses
 * users and a client address of its own (sent as {@code X-Forwarded-For}, honoured because the test configures the
 * forwarded-headers strategy), so the tests do not throttle each other.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.config.name=query-service,test",
            "server.forward-headers-strategy=native",
            "kiim.security.sign-in.free-failures-per-user=5",
            "kiim.security.sign-in.free-failures-per-address=10",
            "kiim.security.sign-in.initial-backoff=PT1S",
            "kiim.security.sign-in.concurrent-checks=1",
            "kiim.security.sign-in.check-wait=PT20S",
            "kiim.security.sign-in.log-retention=P30D",
            "kiim.security.sign-in.log-purge-initial-delay=PT1S",
            "kiim.security.sign-in.log-purge-interval=PT1S"
        })
@ActiveProfiles("local")
// Its settings make a context of its own; closed afterwards, so that no second query service keeps claiming the
// projections' segments while the other tests of this module run.
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class SignInProtectionTest {

    private static final AtomicInteger NEXT = new AtomicInteger();
    private static final String PATH = "/api/v1/views";

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PasswordEncoder passwordEncoder;

    @LocalServerPort
    int port;

    ApiClient api;
    String demoHash;

    @BeforeEach
    void client() {
        api = ApiClient.onPort(port);
    }

    /** A caseworker of its own with password {@code demo}. */
    private String newUser(boolean enabled) {
        String username = "signin-" + System.nanoTime() % 1_000_000 + "-" + NEXT.incrementAndGet();
        if (demoHash == null) {
            demoHash = passwordEncoder.encode("demo");
        }
        jdbc.update("""
                insert into directory.app_user (username, password_hash, agency_id, roles, enabled, demo)
                values (?, ?, 'kim-harz', '{CASEWORKER}', ?, true)""", username, demoHash, enabled);
        return username;
    }

    /** A client address of its own, from the documentation range. */
    private static String newAddress() {
        int n = NEXT.incrementAndGet();
        return "198.51." + (n / 250) + "." + (n % 250 + 1);
    }

    private ApiClient.Response signIn(String user, String password, String address) {
        return api.get(PATH, user, password, Map.of("X-Forwarded-For", address));
    }

    @Test
    void after_a_few_failures_even_the_right_password_waits_for_the_backoff_then_signs_in_and_resets()
            throws InterruptedException {
        String user = newUser(true);
        String address = newAddress();
        for (int i = 0; i < 5; i++) {
            assertThat(signIn(user, "wrong-" + i, address).status()).isEqualTo(401);
        }

        var refused = signIn(user, "demo", address);
        assertThat(refused.status()).isEqualTo(429);
        long retryAfter = Long.parseLong(refused.header("Retry-After").orElseThrow());
        assertThat(retryAfter).isBetween(1L, 2L);
        assertThat(refused.header("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(refused.json().path("status").asInt()).isEqualTo(429);
        // From another address too: the user is throttled, not only the address.
        assertThat(signIn(user, "demo", newAddress()).status()).isEqualTo(429);

        Thread.sleep(retryAfter * 1000 + 200);
        assertThat(signIn(user, "demo", address).status()).isEqualTo(200);
        // The success reset the user's count: the next wrong password is an ordinary 401 again.
        assertThat(signIn(user, "wrong-again", address).status()).isEqualTo(401);
        assertThat(signIn(user, "demo", address).status()).isEqualTo(200);
    }

    @Test
    void the_backoff_doubles_with_each_further_failure() throws InterruptedException {
        String user = newUser(true);
        String address = newAddress();
        for (int i = 0; i < 5; i++) {
            signIn(user, "wrong-" + i, address);
        }
        assertThat(signIn(user, "wrong", address).header("Retry-After")).contains("1");
        Thread.sleep(1200);
        assertThat(signIn(user, "wrong-6", address).status()).isEqualTo(401);
        assertThat(signIn(user, "demo", address).header("Retry-After")).contains("2");
    }

    @Test
    void many_users_failing_from_one_address_throttle_that_address_only() {
        String address = newAddress();
        for (int i = 0; i < 10; i++) {
            assertThat(signIn("nobody-" + NEXT.incrementAndGet(), "guess", address)
                            .status())
                    .isEqualTo(401);
        }
        String user = newUser(true);

        assertThat(signIn(user, "demo", address).status()).isEqualTo(429);
        assertThat(signIn(user, "demo", newAddress()).status()).isEqualTo(200);
    }

    @Test
    void a_throttled_flood_is_refused_without_paying_for_bcrypt() {
        String user = newUser(true);
        String address = newAddress();
        long failures = time(() -> {
            for (int i = 0; i < 5; i++) {
                signIn(user, "wrong-" + i, address);
            }
            return null;
        });
        long flood = time(() -> {
            for (int i = 0; i < 20; i++) {
                assertThat(signIn(user, "flood-" + i, address).status()).isEqualTo(429);
            }
            return null;
        });
        // 20 refusals cost less than 5 bcrypt checks: none of them ran one.
        assertThat(flood).isLessThan(failures);
    }

    @Test
    void a_concurrent_flood_runs_no_more_password_checks_than_the_free_failures() throws Exception {
        String user = newUser(true);
        String address = newAddress();
        ExecutorService clients = Executors.newFixedThreadPool(20);
        List<Integer> statuses = new ArrayList<>();
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                String password = "flood-" + i;
                answers.add(clients.submit(() -> signIn(user, password, address).status()));
            }
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get(30, TimeUnit.SECONDS));
            }
        } finally {
            clients.shutdownNow();
        }

        // Each 401 is one bcrypt check: the attempts that waited for the check found the backoff begun.
        assertThat(statuses.stream().filter(status -> status == 401).count()).isEqualTo(5);
        assertThat(statuses).containsOnly(401, 429);
        assertThat(jdbc.queryForObject("""
                select count(*) from directory.login_attempt where username = ? and outcome = 'WRONG_PASSWORD'""", Long.class, user)).isEqualTo(5);
    }

    @Test
    void unknown_disabled_and_wrong_password_cost_the_same_and_answer_the_same() {
        // Warm up each path once (class loading, the dummy hash of unknown users).
        signIn(newUser(true), "warm-up", newAddress());
        signIn(newUser(false), "demo", newAddress());
        signIn("nobody-" + NEXT.incrementAndGet(), "warm-up", newAddress());

        // A user (and address) of its own per attempt, so that no case runs into a backoff.
        record Case(Supplier<String> user, String password) {}
        Map<String, Case> cases = Map.of(
                "wrong password", new Case(() -> newUser(true), "wrong"),
                "disabled, right password", new Case(() -> newUser(false), "demo"),
                "disabled, wrong password", new Case(() -> newUser(false), "wrong"),
                "unknown user", new Case(() -> "nobody-" + NEXT.incrementAndGet(), "wrong"));
        // Rounds over all cases, so a burst of load from elsewhere slows every case alike; the median of each.
        Map<String, List<Long>> times = new java.util.TreeMap<>();
        List<String> bodies = new ArrayList<>();
        for (int round = 0; round < 5; round++) {
            cases.forEach((name, attempt) -> {
                String user = attempt.user().get();
                String address = newAddress();
                times.computeIfAbsent(name, n -> new ArrayList<>()).add(time(() -> {
                    var answer = signIn(user, attempt.password(), address);
                    assertThat(answer.status()).as(name).isEqualTo(401);
                    bodies.add(answer.body() + " "
                            + answer.header("WWW-Authenticate").orElse(""));
                    return null;
                }));
            });
        }
        Map<String, Long> medians = new java.util.TreeMap<>();
        times.forEach((name, each) ->
                medians.put(name, each.stream().sorted().toList().get(each.size() / 2)));

        assertThat(bodies).as("one and the same answer").containsOnly(bodies.get(0));
        long slowest =
                medians.values().stream().mapToLong(Long::longValue).max().orElseThrow();
        long fastest =
                medians.values().stream().mapToLong(Long::longValue).min().orElseThrow();
        assertThat(slowest).as("median nanoseconds per case: " + medians).isLessThan(3 * fastest);
    }

    @Test
    void auditors_read_failed_sign_ins_without_passwords_or_names_nobody_has() {
        Instant from = Instant.now().minusSeconds(1);
        String user = newUser(true);
        String disabled = newUser(false);
        String address = newAddress();
        signIn(user, "Pa55word-wrong", address);
        signIn(disabled, "demo", address);
        // A password typed into the user field must not be stored: the user is unknown.
        signIn("Typed-Secret-As-Name", "x", address);
        // The user's fifth failure starts a backoff.
        for (int i = 0; i < 4; i++) {
            signIn(user, "Pa55word-wrong", address);
        }
        assertThat(signIn(user, "demo", address).status()).isEqualTo(429);
        assertThat(signIn(user, "demo", address).status()).isEqualTo(429);

        var all = api.get("/api/v1/audit/logins?address=" + address + "&from=" + from, "auditor");
        assertThat(all.status()).isEqualTo(200);
        List<String> outcomes = all.json().findValuesAsText("outcome");
        // The second refusal of one backoff is not a record of its own: a flood writes one row per backoff.
        assertThat(outcomes)
                .containsExactly(
                        "WRONG_PASSWORD",
                        "DISABLED",
                        "UNKNOWN_USER",
                        "WRONG_PASSWORD",
                        "WRONG_PASSWORD",
                        "WRONG_PASSWORD",
                        "WRONG_PASSWORD",
                        "THROTTLED");
        JsonNode unknown = all.json().get(2);
        assertThat(unknown.path("username").isNull()).isTrue();
        assertThat(unknown.path("clientAddress").asText()).isEqualTo(address);
        assertThat(unknown.path("service").asText()).isEqualTo("query-service");
        assertThat(Instant.parse(unknown.path("attemptedAt").asText())).isAfter(from);
        assertThat(all.body()).doesNotContain("Pa55word", "Typed-Secret", "demo");
        assertThat(all.json().get(1).path("username").asText()).isEqualTo(disabled);

        var forUser = api.get("/api/v1/audit/logins?user=" + user + "&from=" + from + "&limit=2", "auditor")
                .json();
        assertThat(forUser.findValuesAsText("username")).containsExactly(user, user);
        long last = forUser.get(1).path("id").asLong();
        var next = api.get("/api/v1/audit/logins?user=" + user + "&afterId=" + last, "auditor")
                .json();
        assertThat(next.findValuesAsText("outcome"))
                .containsExactly("WRONG_PASSWORD", "WRONG_PASSWORD", "WRONG_PASSWORD", "THROTTLED");

        var csv = api.get("/api/v1/audit/logins?format=csv&address=" + address, "auditor");
        assertThat(csv.header("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/csv"));
        assertThat(csv.body()).startsWith("id;attemptedAt;user;clientAddress;outcome;service\r\n");
        assertThat(csv.body()).doesNotContain("Pa55word", "Typed-Secret");
        assertThat(jdbc.queryForObject(
                        "select count(*) from directory.login_attempt where username like '%Secret%'", Long.class))
                .isZero();

        assertThat(api.get("/api/v1/audit/logins?limit=0", "auditor").status()).isEqualTo(400);
        assertThat(api.get("/api/v1/audit/logins?outcome=GUESSED", "auditor").status())
                .isEqualTo(400);
        assertThat(api.get("/api/v1/audit/logins", "kim").status()).isEqualTo(403);
        assertThat(api.get("/api/v1/audit/logins", "steward").status()).isEqualTo(403);
    }

    @Test
    void records_older_than_the_retention_are_purged() {
        String user = newUser(true);
        String address = newAddress();
        signIn(user, "wrong", address);
        jdbc.update("""
                insert into directory.login_attempt (attempted_at, username, client_address, outcome, service)
                values (now() - interval '31 days', ?, ?, 'WRONG_PASSWORD', 'query-service'),
                       (now() - interval '29 days', ?, ?, 'WRONG_PASSWORD', 'query-service')""", user, address, user, address);

        await().atMost(Duration.ofSeconds(10))
                .until(() -> jdbc.queryForObject(
                                "select count(*) from directory.login_attempt where client_address = ?",
                                Long.class,
                                address)
                        == 2);
        assertThat(jdbc.queryForObject(
                                "select min(attempted_at) from directory.login_attempt where client_address = ?",
                                java.sql.Timestamp.class,
                                address)
                        .toInstant())
                .isAfter(Instant.now().minus(Duration.ofDays(30)));
    }

    private static long time(Supplier<Void> work) {
        long start = System.nanoTime();
        work.get();
        return System.nanoTime() - start;
    }
}
