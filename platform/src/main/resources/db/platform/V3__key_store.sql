-- Per-person data keys, wrapped (AES-GCM) by a key-encryption key (KEK) that never enters the database.
-- Deleting a row is crypto-shredding: every encrypted field of that person becomes unreadable everywhere.
-- Backups of this schema must expire sooner than the event store's, or erasure does not reach them
-- (docs/privacy.md).
create schema if not exists key_store;

create table key_store.person_key (
    person_id   uuid         not null,
    -- Id of the KEK that wrapped this key, derived from the KEK itself; rotation re-wraps and updates it.
    kek_id      varchar(32)  not null,
    wrapped_key bytea        not null,
    created_at  timestamptz  not null default now(),
    constraint person_key_pk primary key (person_id)
);
create index person_key_kek_ix on key_store.person_key (kek_id);
