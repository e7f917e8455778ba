-- Axon's JDBC event store, token store and dead-letter queue, owned by Flyway rather than created by Axon at
-- start-up. Column names are snake_case; EventStoreConfiguration maps Axon's schemas onto them.
-- Payloads and metadata are bytea (never OID/large objects: those escape VACUUM and pg_dump --data-only filters).

create table event_store.domain_event_entry (
    global_index         bigserial    not null,
    aggregate_identifier varchar(255) not null,
    sequence_number      bigint       not null,
    type                 varchar(255),
    event_identifier     varchar(255) not null,
    meta_data            bytea,
    payload              bytea        not null,
    payload_revision     varchar(255),
    payload_type         varchar(255) not null,
    time_stamp           varchar(255) not null,
    constraint domain_event_entry_pk primary key (global_index),
    -- The optimistic lock of the event store: two writers appending the same sequence number of one person
    -- cannot both succeed, whichever service instance they run in.
    constraint domain_event_entry_aggregate_sequence_uk unique (aggregate_identifier, sequence_number),
    constraint domain_event_entry_event_identifier_uk unique (event_identifier)
);

create table event_store.snapshot_event_entry (
    aggregate_identifier varchar(255) not null,
    sequence_number      bigint       not null,
    type                 varchar(255) not null,
    event_identifier     varchar(255) not null,
    meta_data            bytea,
    payload              bytea        not null,
    payload_revision     varchar(255),
    payload_type         varchar(255) not null,
    time_stamp           varchar(255) not null,
    constraint snapshot_event_entry_pk primary key (aggregate_identifier, sequence_number),
    constraint snapshot_event_entry_event_identifier_uk unique (event_identifier)
);

create table event_store.token_entry (
    processor_name varchar(255) not null,
    segment        integer      not null,
    token          bytea,
    token_type     varchar(255),
    time_stamp     varchar(255),
    owner          varchar(255),
    constraint token_entry_pk primary key (processor_name, segment)
);

create table event_store.dead_letter_entry (
    dead_letter_id       varchar(255)  not null,
    processing_group     varchar(255)  not null,
    sequence_identifier  varchar(255)  not null,
    sequence_index       bigint        not null,
    message_type         varchar(255)  not null,
    event_identifier     varchar(255)  not null,
    time_stamp           varchar(255)  not null,
    payload_type         varchar(255)  not null,
    payload_revision     varchar(255),
    payload              bytea         not null,
    meta_data            bytea,
    aggregate_type       varchar(255),
    aggregate_identifier varchar(255),
    sequence_number      bigint,
    token_type           varchar(255),
    token                bytea,
    enqueued_at          varchar(255)  not null,
    last_touched         varchar(255),
    processing_started   varchar(255),
    cause_type           varchar(255),
    cause_message        varchar(1023),
    diagnostics          bytea,
    constraint dead_letter_entry_pk primary key (dead_letter_id),
    constraint dead_letter_entry_sequence_uk unique (processing_group, sequence_identifier, sequence_index)
);
create index dead_letter_entry_processing_group_ix on event_store.dead_letter_entry (processing_group);
create index dead_letter_entry_sequence_ix on event_store.dead_letter_entry (processing_group, sequence_identifier);
