-- Person search (GET /api/v1/persons) on each agency's own cards: the highest language level reached, the courses
-- with their state, saved views, and indexes for the filters (a search over 100,000 persons stays fast, see
-- docs/benchmarks.md).
alter table query.person_card add column cefr_level varchar(2);

create table query.person_course (
    agency_id    varchar(64) not null,
    person_id    uuid        not null,
    enrolment_id uuid        not null,
    course_type  varchar(40) not null,
    state        varchar(20) not null,
    constraint person_course_pk primary key (agency_id, enrolment_id)
);
create index person_course_search_ix on query.person_course (agency_id, course_type, state, person_id);
create index person_course_person_ix on query.person_course (person_id);

create index person_card_name_ix on query.person_card (agency_id, lower(family_name) text_pattern_ops);
create index person_card_birth_ix on query.person_card (agency_id, date_of_birth);
create index person_card_nationality_ix on query.person_card (agency_id, nationality);
create index person_card_residence_ix on query.person_card (agency_id, residence_status);
create index person_card_regime_ix on query.person_card (agency_id, benefit_regime);
create index person_card_municipality_ix on query.person_card (agency_id, municipality);
create index person_card_entry_ix on query.person_card (agency_id, entry_date);
create index person_card_cefr_ix on query.person_card (agency_id, cefr_level);

-- Named searches a user saved ("flexible column view"): the query string of GET /api/v1/persons.
create table query.saved_view (
    username   varchar(64)  not null,
    name       varchar(100) not null,
    query      text         not null,
    created_at timestamptz  not null default now(),
    constraint saved_view_pk primary key (username, name)
);
