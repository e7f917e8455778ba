-- Sign-ins for auditors (docs/privacy.md, docs/operations.md): every failed one, the first verification of a
-- password per credentials-cache entry, and the first refusal of each backoff. Never a password; a name only if
-- the directory knows the user (a password typed into the user field is not kept). Appended by both services,
-- purged after kiim.security.sign-in.log-retention.
create table directory.login_attempt (
    id             bigint       generated always as identity,
    attempted_at   timestamptz  not null,
    -- null: no user of that name (outcome UNKNOWN_USER, or THROTTLED for an unknown name)
    username       varchar(64),
    client_address varchar(100) not null,
    outcome        varchar(20)  not null,
    service        varchar(40)  not null,
    constraint login_attempt_pk primary key (id)
);

create index login_attempt_attempted_at on directory.login_attempt (attempted_at);
create index login_attempt_username on directory.login_attempt (username, id);
create index login_attempt_client_address on directory.login_attempt (client_address, id);
