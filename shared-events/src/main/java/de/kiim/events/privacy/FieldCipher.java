package de.kiim.events.privacy;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * AES-256-GCM for one field value: a fresh 96-bit nonce per encryption, a 128-bit tag, and associated data that
 * binds the ciphertext to its person, event type and field — moved anywhere else it no longer authenticates.
 * The envelope is text, {@code kiim:v1:} followed by base64 of nonce and ciphertext, so it fits in JSON.
 */
public final class FieldCipher {

    static final String PREFIX = "kiim:v1:";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    /**
     * Per thread, because {@code Cipher.getInstance} costs more than encrypting a name, and one shared
     * {@code SecureRandom} would make concurrent writers queue for its lock.
     */
    private static final ThreadLocal<Cipher> CIPHER = ThreadLocal.withInitial(FieldCipher::newCipher);

    private static final ThreadLocal<SecureRandom> RANDOM = ThreadLocal.withInitial(SecureRandom::new);

    private FieldCipher() {}

    public static String encrypt(SecretKey key, byte[] plaintext, byte[] associatedData) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.get().nextBytes(nonce);
        try {
            Cipher cipher = CIPHER.get();
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData);
            byte[] ciphertext = cipher.doFinal(plaintext);
            byte[] envelope = ByteBuffer.allocate(NONCE_BYTES + ciphertext.length)
                    .put(nonce)
                    .put(ciphertext)
                    .array();
            return PREFIX + Base64.getEncoder().encodeToString(envelope);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed", e);
        }
    }

    /** @throws TamperedDataException when the envelope is damaged or belongs to another person, event or field */
    public static byte[] decrypt(SecretKey key, String envelope, byte[] associatedData) {
        if (!isEnvelope(envelope)) {
            throw new TamperedDataException("a personal field holds no encrypted value");
        }
        try {
            byte[] bytes = Base64.getDecoder().decode(envelope.substring(PREFIX.length()));
            if (bytes.length < NONCE_BYTES + TAG_BITS / 8) {
                throw new TamperedDataException("an encrypted personal field is truncated");
            }
            Cipher cipher = CIPHER.get();
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, bytes, 0, NONCE_BYTES));
            cipher.updateAAD(associatedData);
            return cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES);
        } catch (AEADBadTagException | IllegalArgumentException e) {
            throw new TamperedDataException("an encrypted personal field failed authentication");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM decryption failed", e);
        }
    }

    private static Cipher newCipher() {
        try {
            return Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every JDK", e);
        }
    }

    public static boolean isEnvelope(String value) {
        return value != null && value.startsWith(PREFIX);
    }

    /** Raised when ciphertext was altered or moved; its message never contains data. */
    public static final class TamperedDataException extends RuntimeException {
        public TamperedDataException(String message) {
            super(message);
        }
    }
}
