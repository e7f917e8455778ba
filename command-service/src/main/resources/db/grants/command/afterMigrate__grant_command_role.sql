-- The command service's role (kiim.migrations.command-role) reads and writes its own bookkeeping in schema
-- command, but neither owns it nor touches its migration history (docs/operations.md, "Database roles").
revoke all on all tables in schema command from ${command_role};
grant usage on schema command to ${command_role};
grant select, insert, update, delete on all tables in schema command to ${command_role};
revoke all on command.flyway_schema_history from ${command_role};
