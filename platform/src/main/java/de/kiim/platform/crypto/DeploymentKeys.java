package de.kiim.platform.crypto;

import java.security.GeneralSecurityException;
import java.security.NoSuchAlgorithmException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.KeyGenerator;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Keys of the deployment as a whole, one per purpose, stored in {@code key_store.deployment_key} wrapped by the
 * KEK. The first instance to need a key creates it; every instance then uses the same. A key is never rotated
 * by itself (what it keyed would have to be recomputed), only re-wrapped when the KEK is.
 */
public class DeploymentKeys {

    private static final String AAD_PREFIX = "deployment-key:";

    private final JdbcTemplate jdbc;
    private final KeyEncryptionKeys keks;
    private final Map<String, SecretKey> unwrapped = new ConcurrentHashMap<>();

    public DeploymentKeys(JdbcTemplate jdbc, KeyEncryptionKeys keks) {
        this.jdbc = jdbc;
        this.keks = keks;
    }

    /** The key for {@code purpose}, created at its first use. */
    public SecretKey forPurpose(String purpose) {
        return unwrapped.computeIfAbsent(purpose, this::loadOrCreate);
    }

    /**
     * HMAC-SHA-256 of the parts, in order, under the key for {@code purpose}: equal inputs give equal digests, and
     * without the deployment's key nobody can test a guessed input against one.
     */
    public byte[] hmac(String purpose, byte[]... parts) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(forPurpose(purpose));
            for (byte[] part : parts) {
                mac.update(part);
            }
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA-256 is unavailable", e);
        }
    }

    /** Re-wraps every deployment key not wrapped by the current KEK; returns how many. */
    public int rewrapAll() {
        KeyEncryptionKey current = keks.current();
        record Wrapped(String purpose, String kekId, byte[] wrappedKey) {}
        var stale = jdbc.query(
                "select purpose, kek_id, wrapped_key from key_store.deployment_key where kek_id <> ?",
                (rs, row) -> new Wrapped(rs.getString(1), rs.getString(2), rs.getBytes(3)),
                current.id());
        for (Wrapped key : stale) {
            SecretKey secret = kek(key.kekId()).unwrap(key.wrappedKey(), AAD_PREFIX + key.purpose());
            jdbc.update(
                    "update key_store.deployment_key set kek_id = ?, wrapped_key = ? where purpose = ?",
                    current.id(),
                    current.wrap(secret, AAD_PREFIX + key.purpose()),
                    key.purpose());
        }
        return stale.size();
    }

    private SecretKey loadOrCreate(String purpose) {
        KeyEncryptionKey current = keks.current();
        // Two instances starting together may both generate a key: the first insert wins and both read it back.
        jdbc.update("""
                        insert into key_store.deployment_key (purpose, kek_id, wrapped_key) values (?, ?, ?)
                        on conflict (purpose) do nothing""", purpose, current.id(), current.wrap(newKey(), AAD_PREFIX + purpose));
        return jdbc.queryForObject(
                "select kek_id, wrapped_key from key_store.deployment_key where purpose = ?",
                (rs, row) -> kek(rs.getString(1)).unwrap(rs.getBytes(2), AAD_PREFIX + purpose),
                purpose);
    }

    private KeyEncryptionKey kek(String id) {
        return keks.byId(id)
                .orElseThrow(() -> new IllegalStateException(
                        "a deployment key is wrapped by KEK " + id + ", which is not configured"));
    }

    private static SecretKey newKey() {
        try {
            KeyGenerator generator = KeyGenerator.getInstance("AES");
            generator.init(256);
            return generator.generateKey();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has AES", e);
        }
    }
}
