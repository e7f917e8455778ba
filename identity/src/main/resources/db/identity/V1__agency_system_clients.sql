-- The agency systems' clients, created and rotated by data stewards: each belongs to one agency and gets tokens
-- with the role AGENCY_SYSTEM by client credentials. Only the secret's bcrypt hash is kept; the secret is shown
-- once. A revoked client is kept, so that its id is never given to another system.
create table identity.agency_system_client (
    client_id    varchar(64)  not null,
    agency_id    varchar(64)  not null,
    secret_hash  varchar(100) not null,
    created_at   timestamptz  not null default now(),
    created_by   varchar(64)  not null,
    rotated_at   timestamptz,
    rotated_by   varchar(64),
    revoked_at   timestamptz,
    revoked_by   varchar(64),
    constraint agency_system_client_pk primary key (client_id),
    constraint agency_system_client_agency_fk foreign key (agency_id) references directory.agency (id)
);
