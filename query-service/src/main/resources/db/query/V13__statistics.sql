-- The statistics read model (issue 15, docs/indicators.md): what the indicators are computed from. One row per
-- statistical fact of an event, holding only what stays in clear (docs/privacy.md) — vocabulary codes, municipality,
-- nationality, sex, age band on entry and days — keyed by a subject key that is not the person id: an HMAC of it
-- under a deployment key, so that a row here cannot be joined to a card or timeline without the KEK. Not deleted
-- on erasure: the indicators answer the same before and after it. Rebuilt from the event store like every view.
create schema if not exists statistics;

create table statistics.subject (
    subject    uuid             not null,
    -- The subject's record key for the cell-key method, in [0, 1): derived under a deployment key of its own.
    record_key double precision not null,
    constraint subject_pk primary key (subject)
);

create table statistics.fact (
    subject     uuid        not null,
    -- Position in the person's stream and within the event: the order the facts are folded in.
    seq         bigint      not null,
    part        smallint    not null,
    kind        varchar(30) not null,
    code        varchar(40),
    -- A course enrolment's or employment's key, derived like the subject's.
    episode     uuid,
    occurred_on date        not null,
    -- A second day of the fact: the entry date, a course's first day.
    since       date,
    recorded_at timestamptz not null,
    constraint fact_pk primary key (subject, seq, part)
);
-- Indicators select their cohort by entry date first.
create index fact_entry_ix on statistics.fact (since, subject) where kind = 'ENTRY';

-- An analyst's indicator request is logged without a person: it read aggregates of many.
alter table audit.access_log alter column person_id drop not null;
alter table audit.access_log add constraint access_log_person_ck check (person_id is not null or view = 'INDICATOR');
