-- Answers to requests sent with an Idempotency-Key, written in the same transaction as the command's events: a
-- request whose events were stored always has its answer stored, so a client that lost the answer gets it again
-- instead of a second effect. Kept for kiim.idempotency.retention (at least 24 h); a person's rows go with their
-- erasure. No request content is kept, only its SHA-256 fingerprint.
create table command.idempotent_request (
    username        varchar(64)  not null,
    idempotency_key varchar(255) not null,
    fingerprint     bytea        not null,
    person_id       uuid,
    status          smallint     not null,
    location        text,
    etag            varchar(40),
    body            text,
    created_at      timestamptz  not null default now(),
    constraint idempotent_request_pk primary key (username, idempotency_key)
);
create index idempotent_request_created_ix on command.idempotent_request (created_at);
create index idempotent_request_person_ix on command.idempotent_request (person_id);
