package de.kiim.platform.security;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Demo users in the {@code local} profile, and a guard that keeps them out of every other one. */
@AutoConfiguration(after = SecurityConfiguration.class)
public class DirectoryConfiguration {

    @Bean
    @Profile("local")
    DemoDirectory demoDirectory(JdbcTemplate jdbc, PasswordEncoder passwordEncoder) {
        return new DemoDirectory(jdbc, passwordEncoder);
    }

    @Bean
    @Profile("!local")
    DemoUsersGuard demoUsersGuard(JdbcTemplate jdbc) {
        return new DemoUsersGuard(jdbc);
    }
}
