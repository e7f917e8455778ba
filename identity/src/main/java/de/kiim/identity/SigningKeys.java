package de.kiim.identity;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The keys tokens are signed with, each in a file of its own (a JWK with its private part), so that tokens stay
 * valid across a restart and a deployment can rotate: a new current key file, the old one moved to the previous
 * ones, which are published until the last token they signed has expired.
 */
final class SigningKeys {

    private final RSAKey current;
    private final List<JWK> published;

    private SigningKeys(RSAKey current, List<JWK> published) {
        this.current = current;
        this.published = published;
    }

    static SigningKeys load(IdentitySettings settings) {
        if (settings.signingKeyFile() == null) {
            throw new IllegalStateException("kiim.identity.signing-key-file is not set");
        }
        RSAKey current = Files.exists(settings.signingKeyFile())
                ? read(settings.signingKeyFile())
                : settings.generateSigningKey() ? generate(settings.signingKeyFile()) : missing(settings);
        List<JWK> published = new ArrayList<>();
        published.add(current.toPublicJWK());
        settings.previousSigningKeyFiles()
                .forEach(file -> published.add(read(file).toPublicJWK()));
        return new SigningKeys(current, List.copyOf(published));
    }

    /** The key new tokens are signed with. */
    JWKSet signing() {
        return new JWKSet(current);
    }

    /** The public keys a token may be verified with: the current and the previous ones. */
    JWKSet published() {
        return new JWKSet(published);
    }

    private static RSAKey read(Path file) {
        try {
            return RSAKey.parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ParseException e) {
            // The message would quote the file's content, which is a private key.
            throw new IllegalStateException("The signing key file is no RSA JWK: " + file);
        }
    }

    private static RSAKey generate(Path file) {
        try {
            RSAKey key = new RSAKeyGenerator(3072)
                    .keyUse(KeyUse.SIGNATURE)
                    .keyID(UUID.randomUUID().toString())
                    .generate();
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(
                    Files.createFile(
                            file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))),
                    key.toJSONString(),
                    StandardCharsets.UTF_8);
            return key;
        } catch (JOSEException e) {
            throw new IllegalStateException("No signing key could be generated", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static RSAKey missing(IdentitySettings settings) {
        throw new IllegalStateException("The signing key file " + settings.signingKeyFile() + " does not exist");
    }
}
