-- Per-agency views (issue 5, docs/entitlements.md): every row belongs to the agency that may see it and holds only
-- the fields that agency may read. They are rebuilt from the event store by the new processing group
-- "agency-views", which starts at the first event; the unscoped tables of the first version go.
drop table query.timeline_entry;
drop table query.person_card;

-- Why an agency sees a person. An agency sees the person while it has at least one row; the reason carries its
-- detail where one agency can have several (CONSENT:<purpose>).
create table query.person_link (
    person_id uuid        not null,
    agency_id varchar(64) not null,
    reason    varchar(60) not null,
    since     date,
    constraint person_link_pk primary key (person_id, agency_id, reason)
);
create index person_link_agency_ix on query.person_link (agency_id, person_id);

-- Which agency provides each course enrolment: course providers see their own courses only.
create table query.course_provider (
    person_id    uuid        not null,
    enrolment_id uuid        not null,
    agency_id    varchar(64) not null,
    constraint course_provider_pk primary key (person_id, enrolment_id)
);

create table query.timeline_entry (
    agency_id       varchar(64)  not null,
    event_id        varchar(255) not null,
    person_id       uuid         not null,
    sequence_number bigint       not null,
    type            varchar(100) not null,
    category        varchar(40)  not null,
    occurred_at     date,
    recorded_at     timestamptz  not null,
    author          varchar(64),
    author_agency   varchar(64),
    data            jsonb        not null,
    erased          boolean      not null default false,
    constraint timeline_entry_pk primary key (agency_id, event_id)
);
create index timeline_entry_person_ix on query.timeline_entry (agency_id, person_id, sequence_number);
create index timeline_entry_erasure_ix on query.timeline_entry (person_id);

create table query.person_card (
    agency_id             varchar(64)  not null,
    person_id             uuid         not null,
    family_name           varchar(200),
    given_names           varchar(200),
    date_of_birth         date,
    sex                   varchar(20),
    nationality           char(3),
    entry_date            date,
    azr_number            varchar(12),
    municipality          char(8),
    registered_on         date,
    registered_by         varchar(64),
    residence_status      varchar(40),
    residence_valid_until date,
    benefit_regime        varchar(20),
    moved_away_on         date,
    -- Sequence number of the person's last event, whether or not this agency sees it: the ETag for If-Match.
    version               bigint       not null,
    constraint person_card_pk primary key (agency_id, person_id)
);
create index person_card_person_ix on query.person_card (person_id);
