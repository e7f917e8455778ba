-- Secrets of the whole deployment, wrapped by the KEK like the person keys and re-wrapped with them on rotation:
-- e.g. the key of the blind indexes that find likely duplicates without storing names in clear. Created on first
-- use, so a deployment needs no extra secret to configure.
create table key_store.deployment_key (
    purpose     varchar(40)  not null,
    kek_id      varchar(32)  not null,
    wrapped_key bytea        not null,
    created_at  timestamptz  not null default now(),
    constraint deployment_key_pk primary key (purpose)
);
