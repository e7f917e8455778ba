-- Bulk imports of base data (POST /api/v1/imports): one row per import with its running counts, and one row per
-- imported line with its outcome. No personal data: outcomes name fields and reasons, never values; person ids are
-- pseudonymous and are cleared when the person is erased.
create table command.import_job (
    id          uuid         not null,
    username    varchar(64)  not null,
    agency      varchar(64)  not null,
    format      varchar(10)  not null,
    state       varchar(12)  not null,
    rows_read   integer      not null default 0,
    created     integer      not null default 0,
    duplicates  integer      not null default 0,
    invalid     integer      not null default 0,
    started_at  timestamptz  not null default now(),
    updated_at  timestamptz  not null default now(),
    finished_at timestamptz,
    constraint import_job_pk primary key (id)
);
create index import_job_agency_ix on command.import_job (agency, started_at desc);

create table command.import_row (
    import_id   uuid        not null,
    line_number integer     not null,
    outcome     varchar(10) not null,
    person_id   uuid,
    candidates  uuid[],
    problems    jsonb,
    constraint import_row_pk primary key (import_id, line_number),
    constraint import_row_job_fk foreign key (import_id) references command.import_job (id) on delete cascade
);
create index import_row_outcome_ix on command.import_row (import_id, outcome, line_number);
create index import_row_attention_ix on command.import_row (import_id, line_number) where outcome <> 'CREATED';
create index import_row_person_ix on command.import_row (person_id) where person_id is not null;
create index import_row_candidates_ix on command.import_row using gin (candidates);
