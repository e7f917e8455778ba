package de.kiim.platform.database;

import java.util.List;
import java.util.Map;

/**
 * One set of Flyway migrations owned by one part of the system, e.g. the shared event store or a service's own
 * read models. Each set keeps its own history table in its first schema, so the services can evolve their schemas
 * independently while sharing one database.
 *
 * @param location classpath location of the migration scripts
 * @param schemas  the schemas the set owns; the first holds its history table
 * @param grants   per application role, the classpath location of {@code afterMigrate__*.sql} callbacks that grant
 *                 that role what it needs in these schemas, naming it by {@link SchemaMigrations#placeholder}
 *                 (e.g. {@code ${command_role}}); run after every migration when the role is configured
 *                 ({@link MigrationSettings}), never otherwise
 */
public record SchemaMigration(String location, List<String> schemas, Map<ApplicationRole, String> grants) {

    public SchemaMigration {
        if (schemas.isEmpty()) {
            throw new IllegalArgumentException("a migration set owns at least one schema");
        }
        schemas = List.copyOf(schemas);
        grants = Map.copyOf(grants);
    }

    public static SchemaMigration of(String location, String... schemas) {
        return new SchemaMigration(location, List.of(schemas), Map.of());
    }

    /** The same set, with the grants of {@code role} at {@code grantLocation}. */
    public SchemaMigration granting(ApplicationRole role, String grantLocation) {
        var all = new java.util.HashMap<>(grants);
        all.put(role, grantLocation);
        return new SchemaMigration(location, schemas, all);
    }
}
