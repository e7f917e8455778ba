-- The query service's role (kiim.migrations.query-role) writes its views in schema query, which replays rebuild,
-- and may only append to and read the access log and its anchors (and delete what retention lets go): neither
-- service owns schema audit, so neither can drop the log or disable its triggers (docs/operations.md, "Database roles").
revoke all on all tables in schema query, audit from ${query_role};
grant usage on schema query, audit to ${query_role};
grant select, insert, update, delete on all tables in schema query to ${query_role};
revoke all on query.flyway_schema_history from ${query_role};
grant select, insert on audit.access_log, audit.access_log_anchor to ${query_role};
-- Retention deletes old entries; the log's own trigger refuses any but those before a retention anchor.
grant delete on audit.access_log to ${query_role};
-- The statistics read model is a projection like the views.
grant usage on schema statistics to ${query_role};
grant select, insert, update, delete on all tables in schema statistics to ${query_role};
