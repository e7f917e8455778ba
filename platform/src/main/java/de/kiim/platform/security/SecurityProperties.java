package de.kiim.platform.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * @param credentialCacheTtl  how long a bcrypt-verified username/password pair is trusted without checking again
 * @param credentialCacheSize how many verified pairs are remembered at most
 */
@ConfigurationProperties("kiim.security")
public record SecurityProperties(@DefaultValue("PT2M") Duration credentialCacheTtl,
                                 @DefaultValue("10000") long credentialCacheSize) {
}
