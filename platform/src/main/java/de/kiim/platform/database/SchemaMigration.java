package de.kiim.platform.database;

import java.util.List;

/**
 * One set of Flyway migrations owned by one part of the system, e.g. the shared event store or a service's own
 * read models. Each set keeps its own history table in its first schema, so the services can evolve their schemas
 * independently while sharing one database.
 *
 * @param location classpath location of the migration scripts
 * @param schemas  the schemas the set owns; the first holds its history table
 */
public record SchemaMigration(String location, List<String> schemas) {

    public SchemaMigration {
        if (schemas.isEmpty()) {
            throw new IllegalArgumentException("a migration set owns at least one schema");
        }
        schemas = List.copyOf(schemas);
    }

    public static SchemaMigration of(String location, String... schemas) {
        return new SchemaMigration(location, List.of(schemas));
    }
}
