package de.kiim.platform.security;

/** What a user may do, independent of the agency they work for (DESIGN §4). */
public enum Role {
    /** Finds persons, reads their timelines, records counselling (<em>Fallbearbeitung</em>). */
    CASEWORKER,
    /** Aggregated indicators only, never a single person. */
    ANALYST,
    /** Who did what and when, without payload. */
    AUDITOR,
    /** Agencies, users, policy, retention and erasure. */
    DATA_STEWARD,
    /** An agency's own software sending commands and bulk imports. */
    AGENCY_SYSTEM,
    /**
     * Runs the service: build information and metrics on the actuator, never a person's data. Kept apart from the
     * other roles because metrics name projections, pools and error counts that tell an attacker where to push.
     */
    OPERATOR;

    /** The Spring Security authority of this role. */
    public String authority() {
        return "ROLE_" + name();
    }
}
