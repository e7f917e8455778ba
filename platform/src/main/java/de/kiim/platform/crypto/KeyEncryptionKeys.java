package de.kiim.platform.crypto;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The current KEK, which wraps every new data key, and earlier ones still needed to unwrap keys not yet re-wrapped.
 * A missing or malformed KEK stops the service at start-up with a message that names the setting, never the key.
 */
public final class KeyEncryptionKeys {

    private static final Logger log = LoggerFactory.getLogger(KeyEncryptionKeys.class);

    private final KeyEncryptionKey current;
    private final Map<String, KeyEncryptionKey> byId = new LinkedHashMap<>();

    KeyEncryptionKeys(KeyEncryptionKey current, Iterable<KeyEncryptionKey> previous) {
        this.current = current;
        byId.put(current.id(), current);
        previous.forEach(kek -> byId.putIfAbsent(kek.id(), kek));
    }

    public static KeyEncryptionKeys load(CryptoProperties properties) {
        KeyEncryptionKey current;
        if (properties.kek() != null && !properties.kek().isBlank()) {
            current = decode(properties.kek(), "kiim.crypto.kek (KIIM_KEK)");
        } else if (properties.kekFile() != null
                && !properties.kekFile().toString().isBlank()) {
            if (properties.generateKekFile()) {
                generateIfMissing(properties.kekFile());
            }
            current = read(properties.kekFile());
        } else {
            throw new IllegalStateException("No key-encryption key configured. Set KIIM_KEK to the base64 of 32 "
                    + "random bytes (e.g. 'openssl rand -base64 32') or KIIM_KEK_FILE to a file holding it.");
        }
        var previous = properties.previousKekFiles().stream()
                .map(KeyEncryptionKeys::read)
                .toList();
        var keys = new KeyEncryptionKeys(current, previous);
        log.info("Key-encryption key {} is current; {} earlier KEK(s) configured", current.id(), previous.size());
        return keys;
    }

    public KeyEncryptionKey current() {
        return current;
    }

    public Optional<KeyEncryptionKey> byId(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    private static KeyEncryptionKey read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("KEK file " + file.toAbsolutePath() + " does not exist");
        }
        try {
            return decode(Files.readString(file, StandardCharsets.US_ASCII), "the KEK file " + file.toAbsolutePath());
        } catch (IOException e) {
            throw new IllegalStateException("KEK file " + file.toAbsolutePath() + " cannot be read", e);
        }
    }

    private static KeyEncryptionKey decode(String base64, String source) {
        try {
            return new KeyEncryptionKey(Base64.getDecoder().decode(base64.trim()));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(
                    "Malformed key-encryption key in " + source + ": expected the base64 of exactly 32 bytes");
        }
    }

    /**
     * Writes a random KEK, readable by the owner only. Several services may start at once on one file: the file
     * appears complete or not at all (written aside, then hard-linked into place), and the first one wins.
     */
    private static void generateIfMissing(Path file) {
        if (Files.exists(file)) {
            return;
        }
        byte[] material = new byte[32];
        new SecureRandom().nextBytes(material);
        try {
            Path directory = file.toAbsolutePath().getParent();
            Files.createDirectories(directory);
            Path aside = Files.createTempFile(
                    directory,
                    ".kek",
                    ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(aside, Base64.getEncoder().encodeToString(material) + "\n", StandardCharsets.US_ASCII);
            try {
                Files.createLink(file, aside);
                log.warn(
                        "Generated a new key-encryption key in {} (local profile). Keep this file: without it no "
                                + "personal data in this database can be read.",
                        file.toAbsolutePath());
            } catch (FileAlreadyExistsException raceLost) {
                // another service created it first; use theirs
            } finally {
                Files.deleteIfExists(aside);
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot generate the KEK file " + file.toAbsolutePath(), e);
        }
    }
}
