package de.kiim.web.api;

import java.util.List;

/** The signed-in user as the services see them, with the steps their agency may record. */
public record Caller(String username, String agency, String agencyKind, List<String> roles, List<String> sends) {

    public boolean maySend(String command) {
        return sends.contains(command);
    }
}
