-- The agency directory: institutions and their users. Shared by both services for authentication.

create table directory.agency (
    id           varchar(64)  not null,
    name         varchar(200) not null,
    kind         varchar(40)  not null,
    municipality char(8)      not null,
    constraint agency_pk primary key (id)
);

create table directory.app_user (
    username      varchar(64)  not null,
    password_hash varchar(100) not null,
    agency_id     varchar(64)  not null,
    roles         varchar(40)[] not null,
    enabled       boolean      not null default true,
    -- Demo users (password "demo") exist only for the local profile; a service outside it refuses to start
    -- while any row has this flag.
    demo          boolean      not null default false,
    constraint app_user_pk primary key (username),
    constraint app_user_agency_fk foreign key (agency_id) references directory.agency (id)
);
