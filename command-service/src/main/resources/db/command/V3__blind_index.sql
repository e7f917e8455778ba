-- Blind indexes (DESIGN §5): keyed HMACs of a person's folded name and birth date, and of their AZR number, so
-- that likely duplicates are found without names or numbers stored in clear. Written in the transaction of the
-- registration or correction, deleted in the transaction of the erasure.
create table command.blind_index (
    person_id uuid        not null,
    -- NAME_BIRTH: folded names + date of birth; AZR: the AZR number.
    kind      varchar(12) not null,
    digest    bytea       not null,
    constraint blind_index_pk primary key (person_id, kind)
);
create index blind_index_digest_ix on command.blind_index (kind, digest);
-- One AZR number, one person: a second registration with it fails even when two race.
create unique index blind_index_azr_ux on command.blind_index (digest) where kind = 'AZR';
