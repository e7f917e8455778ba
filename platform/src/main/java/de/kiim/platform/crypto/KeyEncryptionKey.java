package de.kiim.platform.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * A key-encryption key (KEK): wraps and unwraps the per-person data keys with AES-256-GCM. Its id is derived from
 * the key itself (a truncated SHA-256), so a wrapped key records which KEK it needs without any configuration that
 * could disagree, and a wrong KEK is recognised by its id before anything is decrypted.
 */
public final class KeyEncryptionKey {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final ThreadLocal<Cipher> CIPHER = ThreadLocal.withInitial(() -> {
        try {
            return Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every JDK", e);
        }
    });
    private static final int NONCE_BYTES = 12;

    private final SecretKey key;
    private final String id;

    KeyEncryptionKey(byte[] material) {
        if (material.length != 32) {
            throw new IllegalArgumentException("a KEK must be 256 bits (32 bytes, base64-encoded)");
        }
        this.key = new SecretKeySpec(material, "AES");
        this.id = deriveId(material);
    }

    public String id() {
        return id;
    }

    byte[] wrap(SecretKey dataKey, String personId) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = CIPHER.get();
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
            cipher.updateAAD(personId.getBytes(StandardCharsets.UTF_8));
            byte[] wrapped = cipher.doFinal(dataKey.getEncoded());
            return ByteBuffer.allocate(NONCE_BYTES + wrapped.length)
                    .put(nonce)
                    .put(wrapped)
                    .array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("wrapping a data key failed", e);
        }
    }

    SecretKey unwrap(byte[] wrapped, String personId) {
        try {
            Cipher cipher = CIPHER.get();
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, wrapped, 0, NONCE_BYTES));
            cipher.updateAAD(personId.getBytes(StandardCharsets.UTF_8));
            byte[] material = cipher.doFinal(wrapped, NONCE_BYTES, wrapped.length - NONCE_BYTES);
            SecretKey dataKey = new SecretKeySpec(material, "AES");
            Arrays.fill(material, (byte) 0);
            return dataKey;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a data key could not be unwrapped with KEK " + id, e);
        }
    }

    private static String deriveId(byte[] material) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update("kiim-kek-id:".getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest.digest(material), 0, 8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return "KEK " + id;
    }
}
