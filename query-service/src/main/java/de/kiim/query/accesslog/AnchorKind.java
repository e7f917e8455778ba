package de.kiim.query.accesslog;

/** Why an anchor of the access log's chain was written. */
public enum AnchorKind {
    /** The service started. */
    START,
    /** Every {@code kiim.access-log.anchor-interval}. */
    PERIODIC,
    /** The service stopped. */
    SHUTDOWN,
    /** At the new first entry, before retention deleted the entries before it: verification starts here. */
    RETENTION
}
