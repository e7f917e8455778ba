-- Instances of a service that run event processors, with a heartbeat: they share each processor's segments
-- fairly (FairShareSegments) without Axon Server.
create table event_store.processor_node (
    node_id   varchar(64)  not null,
    service   varchar(64)  not null,
    last_seen timestamptz  not null,
    constraint processor_node_pk primary key (node_id)
);
create index processor_node_service_ix on event_store.processor_node (service, last_seen);
