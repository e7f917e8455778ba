-- Command-side bookkeeping. Erasures waiting for their retention period to pass: written in the same
-- transaction as SupportEnded, so a schedule survives restarts and is never lost.
create table command.erasure_due (
    person_id uuid        not null,
    due_on    date        not null,
    reason    varchar(40) not null,
    constraint erasure_due_pk primary key (person_id)
);
create index erasure_due_due_on_ix on command.erasure_due (due_on);
