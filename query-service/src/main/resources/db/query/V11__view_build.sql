-- Which entitlement-policy version each policy-dependent view was built with, and a rebuild it waits for (the
-- policy changed, or the agency directory did). The request is a row, not a message, so that it survives a restart
-- and any instance can carry it out.
create table query.view_build (
    view_name            varchar(100) not null,
    policy_version       integer      not null,
    built_at             timestamptz  not null default now(),
    rebuild_reason       varchar(200),
    rebuild_requested_at timestamptz,
    constraint view_build_pk primary key (view_name)
);
