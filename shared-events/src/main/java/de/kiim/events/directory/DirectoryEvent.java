package de.kiim.events.directory;

import java.time.LocalDate;

/**
 * A change of the district's agency directory (<em>Stellenverzeichnis</em>): an agency added, renamed or closed.
 * Not about a person, so it has no data category and no personal data; its stream is the agency's. The views
 * follow it, so that who sees a person follows the directory (docs/entitlements.md).
 */
public interface DirectoryEvent {

    /** The agency the change is about; its stream is the agency's. */
    String agencyId();

    /** The day it took effect. */
    LocalDate occurredAt();
}
