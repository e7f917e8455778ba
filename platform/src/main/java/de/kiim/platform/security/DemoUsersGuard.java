package de.kiim.platform.security;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Refuses to start a service outside the {@code local} profile while demo users with their well-known password
 * exist: a production database must never accept {@code abh:demo}.
 */
public class DemoUsersGuard implements InitializingBean {

    private final JdbcTemplate jdbc;

    public DemoUsersGuard(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void afterPropertiesSet() {
        Integer demoUsers = jdbc.queryForObject("select count(*) from directory.app_user where demo", Integer.class);
        if (demoUsers != null && demoUsers > 0) {
            throw new IllegalStateException(demoUsers + " demo user(s) with the public password 'demo' exist in "
                    + "directory.app_user, but the 'local' profile is not active. Delete them "
                    + "(delete from directory.app_user where demo) or start with --spring.profiles.active=local.");
        }
    }
}
