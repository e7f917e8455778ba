package de.kiim.platform.security;

import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The bcrypt check of a user name and password, at the same cost for every way it can fail: a wrong password, an
 * unknown user (Spring checks the password against a dummy hash then) and a disabled account, whose state is
 * looked at only after its password was checked — Spring's default checks it first and answered a disabled account
 * without bcrypt, ten times faster than a wrong password. The failures keep their own exception types
 * ({@link org.springframework.security.core.userdetails.UsernameNotFoundException}, {@link DisabledException},
 * {@link BadCredentialsException}) for the sign-in record; the answer to the client is the same for all.
 * <p>
 * Spring's check logs the user name as typed at DEBUG under this class's name; kiim-platform.yml keeps it at INFO.
 */
class PasswordCheck extends DaoAuthenticationProvider {

    PasswordCheck(AgencyDirectory directory, PasswordEncoder passwordEncoder) {
        super(directory);
        setPasswordEncoder(passwordEncoder);
        setHideUserNotFoundExceptions(false);
        // Locked and expired accounts do not exist in the directory; the enabled flag is checked after the password.
        setPreAuthenticationChecks(user -> {});
    }

    @Override
    protected void additionalAuthenticationChecks(
            UserDetails user, UsernamePasswordAuthenticationToken authentication) {
        try {
            super.additionalAuthenticationChecks(user, authentication);
        } catch (BadCredentialsException wrongPassword) {
            if (!user.isEnabled()) {
                throw new DisabledException("disabled");
            }
            throw wrongPassword;
        }
        if (!user.isEnabled()) {
            throw new DisabledException("disabled");
        }
    }
}
