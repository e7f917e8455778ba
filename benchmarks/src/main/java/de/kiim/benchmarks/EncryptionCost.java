package de.kiim.benchmarks;

import com.zaxxer.hikari.HikariDataSource;
import de.kiim.events.EventJson;
import de.kiim.events.PersonId;
import de.kiim.events.person.PersonRegistered;
import de.kiim.events.privacy.CryptoShreddingSerializer;
import de.kiim.events.vocabulary.AgeBand;
import de.kiim.events.vocabulary.CountryCode;
import de.kiim.events.vocabulary.MunicipalityCode;
import de.kiim.events.vocabulary.Sex;
import de.kiim.platform.crypto.CryptoProperties;
import de.kiim.platform.crypto.KeyEncryptionKeys;
import de.kiim.platform.crypto.PersonKeyStore;
import de.kiim.platform.database.DatabaseConfiguration;
import de.kiim.platform.database.SchemaMigrations;
import de.kiim.platform.eventstore.EventStoreConfiguration;
import de.kiim.platform.eventstore.EventStoreSchemas;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.common.jdbc.DataSourceConnectionProvider;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jpa.SQLStateResolver;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The cost of crypto-shredding: append and replay throughput of Axon's JDBC storage engine with the encrypting
 * serializer against the plain Jackson serializer, same database, same event shapes, same run. Appends are one
 * event per auto-committed statement, as one command appends one event; rounds alternate between the two
 * variants so that drift on a noisy machine hits both alike.
 */
final class EncryptionCost implements Scenario {

    private static final int THREADS = 4;
    private static final int PERSONS_PER_THREAD = 250;
    private static final int EVENTS_PER_ROUND = 4_000;
    private static final int ROUNDS = 7;
    private static final String PLAIN_TABLE = "event_store.domain_event_entry_plain";

    @Override
    public String name() {
        return "encryption";
    }

    @Override
    public Map<String, Object> run(BenchDatabase database) throws Exception {
        HikariDataSource dataSource = database.dataSource(THREADS + 2);
        new SchemaMigrations(dataSource, List.of(DatabaseConfiguration.SHARED)).afterPropertiesSet();
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        jdbc.execute("create table " + PLAIN_TABLE + " (like event_store.domain_event_entry including all)");
        // Its own global index sequence: shared with the real table, both would be full of gaps, which Axon's
        // gap-aware tracking token pays for on every event.
        jdbc.execute("create sequence " + PLAIN_TABLE + "_seq");
        jdbc.execute("alter table " + PLAIN_TABLE + " alter column global_index set default nextval('" + PLAIN_TABLE
                + "_seq')");

        byte[] kek = new byte[32];
        new java.security.SecureRandom().nextBytes(kek);
        var properties = new CryptoProperties(
                Base64.getEncoder().encodeToString(kek), null, false, List.of(), Duration.ofMinutes(10), 100_000);
        var keys = new PersonKeyStore(jdbc, KeyEncryptionKeys.load(properties), PersonKeyStore.newCache(properties));
        JacksonSerializer jackson = JacksonSerializer.builder()
                .objectMapper(EventJson.newObjectMapper())
                .build();
        Serializer encrypting = new CryptoShreddingSerializer(jackson, keys);

        var encrypted = new Variant("encrypted", engine(dataSource, encrypting, EventStoreSchemas.EVENTS), keys);
        var plain = new Variant("plain", engine(dataSource, jackson, PLAIN_TABLE), keys);

        encrypted.append(EVENTS_PER_ROUND / 2); // warm-up, not counted
        plain.append(EVENTS_PER_ROUND / 2);
        List<Double> appendRatios = new ArrayList<>();
        List<Double> encryptedAppends = new ArrayList<>();
        List<Double> plainAppends = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            // Alternating which variant goes first cancels the advantage of going first or second.
            boolean encryptedFirst = round % 2 == 0;
            double off = encryptedFirst ? 0 : plain.append(EVENTS_PER_ROUND);
            double on = encrypted.append(EVENTS_PER_ROUND);
            off = encryptedFirst ? plain.append(EVENTS_PER_ROUND) : off;
            encryptedAppends.add(on);
            plainAppends.add(off);
            appendRatios.add(on / off);
        }

        encrypted.engine.readEvents(null, false).forEach(event -> event.getPayload()); // warm-up
        List<Double> replayRatios = new ArrayList<>();
        List<Double> coldKeyRatios = new ArrayList<>();
        List<Double> preloadedRatios = new ArrayList<>();
        List<Double> encryptedReplays = new ArrayList<>();
        List<Double> plainReplays = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            boolean encryptedFirst = round % 2 == 0;
            keys.cache().invalidateAll(); // a full rebuild meets persons long evicted from the cache
            double cold = encrypted.replay();
            keys.cache().invalidateAll();
            long start = System.nanoTime();
            keys.preloadAll(100_000); // what the timeline projection does when a replay starts
            double preloadSeconds = (System.nanoTime() - start) / 1e9;
            double preloaded = 1 / (1 / encrypted.replay() + preloadSeconds / encrypted.appended.get());
            double off = encryptedFirst ? 0 : plain.replay();
            double on = encrypted.replay(); // keys cached, as for a projection that is catching up
            off = encryptedFirst ? plain.replay() : off;
            encryptedReplays.add(on);
            plainReplays.add(off);
            replayRatios.add(on / off);
            coldKeyRatios.add(cold / off);
            preloadedRatios.add(preloaded / off);
        }
        return ordered(
                Map.entry("events_per_variant", encrypted.appended.get()),
                Map.entry("append_events_per_s_encrypted", Stats.median(encryptedAppends)),
                Map.entry("append_events_per_s_plain", Stats.median(plainAppends)),
                Map.entry("append_ratio_encrypted_vs_plain", Stats.median(appendRatios)),
                Map.entry("replay_events_per_s_encrypted", Stats.median(encryptedReplays)),
                Map.entry("replay_events_per_s_plain", Stats.median(plainReplays)),
                Map.entry("replay_ratio_encrypted_vs_plain", Stats.median(replayRatios)),
                Map.entry("replay_ratio_encrypted_cold_key_cache_vs_plain", Stats.median(coldKeyRatios)),
                Map.entry("replay_ratio_encrypted_keys_preloaded_vs_plain", Stats.median(preloadedRatios)),
                Map.entry("persons_per_variant", THREADS * PERSONS_PER_THREAD),
                Map.entry("threads", THREADS),
                Map.entry("rounds", ROUNDS));
    }

    @SafeVarargs
    private static Map<String, Object> ordered(Map.Entry<String, ?>... entries) {
        Map<String, Object> results = new java.util.LinkedHashMap<>();
        for (var entry : entries) {
            results.put(entry.getKey(), entry.getValue());
        }
        return results;
    }

    private static JdbcEventStorageEngine engine(HikariDataSource dataSource, Serializer serializer, String table) {
        return JdbcEventStorageEngine.builder()
                .eventSerializer(serializer)
                .snapshotSerializer(serializer)
                .connectionProvider(new DataSourceConnectionProvider(dataSource))
                .transactionManager(NoTransactionManager.INSTANCE)
                .persistenceExceptionResolver(new SQLStateResolver(EventStoreConfiguration.UNIQUE_VIOLATION))
                .schema(EventStoreSchemas.events(table))
                .batchSize(1000)
                .build();
    }

    /** One way of storing events, with its own persons so that the two never share a stream. */
    private static final class Variant {
        final String name;
        final JdbcEventStorageEngine engine;
        final List<PersonId> persons = new ArrayList<>();
        final long[] sequences = new long[THREADS * PERSONS_PER_THREAD];
        final AtomicInteger appended = new AtomicInteger();

        Variant(String name, JdbcEventStorageEngine engine, PersonKeyStore keys) {
            this.name = name;
            this.engine = engine;
            for (int i = 0; i < THREADS * PERSONS_PER_THREAD; i++) {
                PersonId person = PersonId.random();
                keys.issue(person);
                persons.add(person);
            }
        }

        /** Appends {@code events} events from {@link #THREADS} threads; returns events per second. */
        double append(int events) throws Exception {
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            long start = System.nanoTime();
            List<Future<?>> work = new ArrayList<>();
            for (int thread = 0; thread < THREADS; thread++) {
                int first = thread * PERSONS_PER_THREAD;
                work.add(pool.submit(() -> {
                    for (int i = 0; i < events / THREADS; i++) {
                        int person = first + i % PERSONS_PER_THREAD;
                        PersonId personId = persons.get(person);
                        engine.appendEvents(new GenericDomainEventMessage<>(
                                "Person", personId.toString(), sequences[person]++, registration(personId, i)));
                    }
                }));
            }
            for (Future<?> future : work) {
                future.get();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            pool.shutdown();
            appended.addAndGet(events);
            return events / seconds;
        }

        /** Streams every event of the variant from the start and deserializes it; returns events per second. */
        double replay() {
            long start = System.nanoTime();
            long count = engine.readEvents(null, false)
                    .peek(event -> event.getPayload())
                    .count();
            return count / ((System.nanoTime() - start) / 1e9);
        }
    }

    /** A synthetic registration with realistic field sizes. */
    static PersonRegistered registration(PersonId personId, int i) {
        return new PersonRegistered(
                personId,
                LocalDate.of(2024, 1, 1).plusDays(i % 300),
                "Benchmarkname-" + i,
                "Vorname Zweitname",
                LocalDate.of(1960, 1, 1).plusDays(i % 15_000),
                Sex.values()[i % 4],
                CountryCode.of(i % 2 == 0 ? "SY" : "UA"),
                LocalDate.of(2015, 1, 1).plusDays(i % 3000),
                String.format("%012d", i),
                MunicipalityCode.of("15085135"),
                AgeBand.on(
                        LocalDate.of(2015, 1, 1).plusDays(i % 3000),
                        LocalDate.of(1960, 1, 1).plusDays(i % 15_000)));
    }
}
