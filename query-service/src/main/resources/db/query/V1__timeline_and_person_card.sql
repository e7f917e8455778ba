-- Read models of the query service. They hold decrypted personal data and are rebuilt from the event store at
-- will; erasure deletes a person's rows here (DESIGN §5).

create table query.timeline_entry (
    -- The event's own id makes writing idempotent: a redelivered or replayed event lands once.
    event_id        varchar(255) not null,
    person_id       uuid         not null,
    sequence_number bigint       not null,
    type            varchar(100) not null,
    category        varchar(40)  not null,
    occurred_at     date,
    recorded_at     timestamptz  not null,
    author          varchar(64),
    agency          varchar(64),
    data            jsonb        not null,
    constraint timeline_entry_pk primary key (event_id)
);
create index timeline_entry_person_ix on query.timeline_entry (person_id, sequence_number);

create table query.person_card (
    person_id      uuid         not null,
    family_name    varchar(200) not null,
    given_names    varchar(200),
    date_of_birth  date         not null,
    sex            varchar(20)  not null,
    nationality    char(3)      not null,
    entry_date     date         not null,
    azr_number     varchar(12),
    municipality   char(8)      not null,
    registered_on  date         not null,
    registered_by  varchar(64),
    -- Sequence number of the last event applied: the person's version, for ETags later.
    version        bigint       not null,
    constraint person_card_pk primary key (person_id)
);
