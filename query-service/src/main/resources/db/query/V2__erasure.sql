-- A replay reads an erased person's events with their personal fields replaced (null, or "[erased]" for text),
-- so those columns must accept null; the person's rows are deleted again when the replay reaches
-- PersonDataErased.
alter table query.person_card alter column family_name drop not null;
alter table query.person_card alter column date_of_birth drop not null;

-- An entry read after its person's key was destroyed.
alter table query.timeline_entry add column erased boolean not null default false;
