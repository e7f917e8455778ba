-- What the command service's role (kiim.migrations.command-role) may do in the shared schemas; run after every
-- migration, so it is exactly this whatever was granted before (docs/operations.md, "Database roles"). It owns
-- nothing, so it can change no table's definition or trigger.
revoke all on all tables in schema event_store, directory, key_store from ${command_role};
revoke all on all sequences in schema event_store, directory, key_store from ${command_role};
grant usage on schema event_store, directory, key_store to ${command_role};

-- Events are appended and read, never changed or deleted.
grant select, insert on event_store.domain_event_entry to ${command_role};
grant usage on sequence event_store.domain_event_entry_global_index_seq to ${command_role};
-- Loading a person reads its snapshot; Axon replaces a snapshot by deleting the older one (derived data).
grant select, insert, delete on event_store.snapshot_event_entry to ${command_role};
-- Subscribing processors only: the token table is read to size the fair share, never written.
grant select on event_store.token_entry to ${command_role};
grant select, insert, update, delete on event_store.processor_node to ${command_role};

-- Authentication reads the directory; users are added by the DBA (or, in the local profile, by one role for all).
grant select on directory.agency, directory.app_user to ${command_role};
-- Agencies are added, renamed and closed through the command service's directory API, in the transaction that
-- records the change as an event; their id, kind and seat never change, and users stay the DBA's.
grant insert, update (name, closed_on) on directory.agency to ${command_role};
-- Every sign-in failure is recorded, and each instance purges records past their retention.
grant select, insert, delete on directory.login_attempt to ${command_role};

-- Person keys are issued, re-wrapped on KEK rotation and destroyed on erasure; deployment keys are created on
-- first use and re-wrapped, never deleted.
grant select, insert, update, delete on key_store.person_key to ${command_role};
grant select, insert, update on key_store.deployment_key to ${command_role};
