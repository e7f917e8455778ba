-- The targets of the indicators (docs/indicators.md, "Targets"), as data stewards set and withdraw them. Part of
-- the statistics read model: rebuilt with it, never deleted otherwise. Times recorded, so that a table as of a past
-- time shows the targets that held then.
create table statistics.target (
    target_id             uuid          not null,
    indicator             varchar(40)   not null,
    options               jsonb         not null,
    figure                varchar(40)   not null,
    cohort                varchar(7)    not null,
    comparison            varchar(10)   not null,
    value                 numeric(8, 2) not null,
    reason                varchar(40)   not null,
    reference             varchar(60),
    set_on                date          not null,
    set_recorded_at       timestamptz   not null,
    withdrawn_on          date,
    withdrawn_recorded_at timestamptz,
    constraint target_pk primary key (target_id)
);
create index target_indicator_ix on statistics.target (indicator, cohort);
