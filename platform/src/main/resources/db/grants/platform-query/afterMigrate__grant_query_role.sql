-- What the query service's role (kiim.migrations.query-role) may do in the shared schemas; run after every
-- migration, so it is exactly this whatever was granted before (docs/operations.md, "Database roles"). It owns
-- nothing, so it can change no table's definition or trigger.
revoke all on all tables in schema event_store, directory, key_store from ${query_role};
revoke all on all sequences in schema event_store, directory, key_store from ${query_role};
grant usage on schema event_store, directory, key_store to ${query_role};

-- Events are read only. Tokens and dead letters are the projections' own bookkeeping (claims, replays, retries).
grant select on event_store.domain_event_entry to ${query_role};
grant select, insert, update, delete on event_store.token_entry, event_store.dead_letter_entry,
    event_store.processor_node to ${query_role};

grant select on directory.agency, directory.app_user to ${query_role};
-- Every sign-in failure is recorded, auditors read the record, and each instance purges records past retention.
grant select, insert, delete on directory.login_attempt to ${query_role};

-- Person keys decrypt events; the query side neither issues, re-wraps nor destroys one.
grant select on key_store.person_key to ${query_role};
-- The access log's chain is keyed with a deployment key of its own, created by the first instance that needs it.
grant select, insert on key_store.deployment_key to ${query_role};
