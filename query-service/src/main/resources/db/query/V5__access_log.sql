-- The access log (issue 5, docs/entitlements.md): every read of a person's data, who, for which agency, when,
-- which view, for what purpose. Pseudonymous person ids only. Append-only — the database refuses updates and
-- deletes — and tamper-evident: each entry's hash covers its content and the previous entry's hash, so a deleted
-- or altered entry breaks the chain (GET /api/v1/audit/access/verification). Not a projection: never rebuilt.
create schema if not exists audit;

create table audit.access_log (
    seq           bigint       not null,
    accessed_at   timestamptz  not null,
    username      varchar(64)  not null,
    agency_id     varchar(64)  not null,
    person_id     uuid         not null,
    view          varchar(20)  not null,
    purpose       varchar(40),
    previous_hash bytea        not null,
    hash          bytea        not null,
    constraint access_log_pk primary key (seq)
);
create index access_log_person_ix on audit.access_log (person_id, seq);
create index access_log_time_ix on audit.access_log (accessed_at);

create function audit.refuse_change() returns trigger language plpgsql as $$
begin
    raise exception 'the access log is append-only';
end
$$;
create trigger access_log_append_only before update or delete or truncate on audit.access_log
    for each statement execute function audit.refuse_change();
