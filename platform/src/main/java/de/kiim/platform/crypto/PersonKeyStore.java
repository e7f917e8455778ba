package de.kiim.platform.crypto;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import de.kiim.events.PersonId;
import de.kiim.platform.database.AfterCommit;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Optional;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The per-person data keys in schema {@code key_store}, wrapped by the {@link KeyEncryptionKeys}. Look-ups go
 * through a bounded cache with a short TTL; absence is cached too, so an erased person costs no repeated queries.
 * Destroying a key in one instance evicts it there at once and again when the deleting transaction commits (a
 * concurrent read until then still finds the key and may cache it), elsewhere within the TTL.
 */
public class PersonKeyStore implements PersonKeys {

    private final JdbcTemplate jdbc;
    private final KeyEncryptionKeys keks;
    private final Cache<PersonId, Optional<SecretKey>> cache;

    public PersonKeyStore(JdbcTemplate jdbc, KeyEncryptionKeys keks, Cache<PersonId, Optional<SecretKey>> cache) {
        this.jdbc = jdbc;
        this.keks = keks;
        this.cache = cache;
    }

    public static Cache<PersonId, Optional<SecretKey>> newCache(CryptoProperties properties) {
        return Caffeine.newBuilder()
                .expireAfterWrite(properties.keyCacheTtl())
                .maximumSize(properties.keyCacheSize())
                .recordStats()
                .build();
    }

    @Override
    public void issue(PersonId personId) {
        SecretKey key = newDataKey();
        KeyEncryptionKey kek = keks.current();
        jdbc.update(
                "insert into key_store.person_key (person_id, kek_id, wrapped_key) values (?, ?, ?)",
                personId.value(),
                kek.id(),
                kek.wrap(key, personId.toString()));
        cache.put(personId, Optional.of(key));
    }

    @Override
    public Optional<SecretKey> find(PersonId personId) {
        return cache.get(personId, this::load);
    }

    @Override
    public void destroy(PersonId personId) {
        jdbc.update("delete from key_store.person_key where person_id = ?", personId.value());
        evict(personId);
    }

    /**
     * Forgets a cached key, e.g. when another instance reports the person erased: at once and, inside a
     * transaction, again after it commits, so a read that raced the deletion cannot leave the key cached.
     */
    public void evict(PersonId personId) {
        AfterCommit.forgetNowAndAfterCommit(() -> cache.invalidate(personId));
    }

    /**
     * Loads every data key into the cache, as far as it holds them, in one streamed query: before a replay, this
     * replaces one database round trip per person with a single scan. Returns how many keys were loaded.
     */
    public int preloadAll(long maximum) {
        var loaded = new java.util.concurrent.atomic.AtomicInteger();
        jdbc.query(
                connection -> {
                    var statement = connection.prepareStatement(
                            "select person_id, kek_id, wrapped_key from key_store.person_key limit ?");
                    statement.setLong(1, maximum);
                    statement.setFetchSize(1000);
                    return statement;
                },
                rs -> {
                    var personId = new PersonId(rs.getObject(1, java.util.UUID.class));
                    cache.put(personId, Optional.of(kek(rs.getString(2)).unwrap(rs.getBytes(3), personId.toString())));
                    loaded.incrementAndGet();
                });
        return loaded.get();
    }

    /** Re-wraps every data key not wrapped by the current KEK; returns how many. Events are not touched. */
    public int rewrapAll() {
        KeyEncryptionKey current = keks.current();
        record Wrapped(java.util.UUID personId, String kekId, byte[] wrappedKey) {}
        List<Wrapped> stale = jdbc.query(
                "select person_id, kek_id, wrapped_key from key_store.person_key where kek_id <> ?",
                (rs, row) -> new Wrapped(rs.getObject(1, java.util.UUID.class), rs.getString(2), rs.getBytes(3)),
                current.id());
        for (Wrapped key : stale) {
            SecretKey dataKey =
                    kek(key.kekId()).unwrap(key.wrappedKey(), key.personId().toString());
            jdbc.update(
                    "update key_store.person_key set kek_id = ?, wrapped_key = ? where person_id = ? and kek_id = ?",
                    current.id(),
                    current.wrap(dataKey, key.personId().toString()),
                    key.personId(),
                    key.kekId());
        }
        return stale.size();
    }

    /**
     * Fails unless every KEK that wrapped a stored key is configured and actually unwraps one of its keys: a
     * service started with the wrong KEK stops here, before it reads or writes anything.
     */
    public void verifyKeks() {
        List<String> kekIds = jdbc.queryForList("select distinct kek_id from key_store.person_key", String.class);
        for (String kekId : kekIds) {
            if (keks.byId(kekId).isEmpty()) {
                throw new IllegalStateException("Data keys in key_store are wrapped by KEK " + kekId
                        + ", which is not configured (current KEK: "
                        + keks.current().id() + "). Wrong KIIM_KEK or "
                        + "KIIM_KEK_FILE? During a rotation, configure the earlier KEK as a previous KEK.");
            }
            jdbc.query(
                    "select person_id, wrapped_key from key_store.person_key where kek_id = ? limit 1",
                    rs -> {
                        kek(kekId)
                                .unwrap(
                                        rs.getBytes(2),
                                        rs.getObject(1, java.util.UUID.class).toString());
                    },
                    kekId);
        }
    }

    public Cache<PersonId, Optional<SecretKey>> cache() {
        return cache;
    }

    private Optional<SecretKey> load(PersonId personId) {
        return jdbc
                .query(
                        "select kek_id, wrapped_key from key_store.person_key where person_id = ?",
                        (rs, row) -> kek(rs.getString(1)).unwrap(rs.getBytes(2), personId.toString()),
                        personId.value())
                .stream()
                .findFirst();
    }

    private KeyEncryptionKey kek(String id) {
        return keks.byId(id)
                .orElseThrow(() ->
                        new IllegalStateException("a data key is wrapped by KEK " + id + ", which is not configured"));
    }

    private static SecretKey newDataKey() {
        try {
            KeyGenerator generator = KeyGenerator.getInstance("AES");
            generator.init(256);
            return generator.generateKey();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("AES is part of every JDK", e);
        }
    }
}
