package de.kiim.platform.database;

/**
 * The database roles the services connect as, when a deployment separates them from the role that owns the schemas
 * and runs the migrations (docs/operations.md, "Database roles"). Each is granted exactly what its service needs.
 */
public enum ApplicationRole {
    /** The command service's role: appends events, issues and destroys person keys, writes schema {@code command}. */
    COMMAND,
    /** The query service's role: reads events and keys, writes its views and tokens, appends to the access log. */
    QUERY
}
