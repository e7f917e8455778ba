package de.kiim.platform.crypto;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the key-encryption keys come from, and how long unwrapped data keys are cached.
 *
 * @param kek              the current KEK, base64 of 32 bytes (e.g. from the environment variable KIIM_KEK)
 * @param kekFile          a file holding the current KEK in base64 (e.g. a mounted secret), used if {@code kek}
 *                         is not set
 * @param generateKekFile  create {@code kekFile} with a random KEK if it does not exist (local profile only)
 * @param previousKekFiles files with earlier KEKs, kept until every data key is re-wrapped with the current one
 * @param keyCacheTtl      how long an unwrapped data key (or its absence) is remembered; bounds how long another
 *                         instance may still decrypt a person erased elsewhere
 * @param keyCacheSize     how many data keys are remembered at most
 */
@ConfigurationProperties("kiim.crypto")
public record CryptoProperties(
        String kek,
        Path kekFile,
        @DefaultValue("false") boolean generateKekFile,
        @DefaultValue List<Path> previousKekFiles,
        @DefaultValue("PT1M") Duration keyCacheTtl,
        @DefaultValue("10000") long keyCacheSize) {}
