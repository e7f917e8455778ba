-- The facts the link rules decide on (registering agency, benefit regime, consents and case shares with the agency
-- that recorded each, course providers), one row per person: ids and codes only. The links in person_link are
-- derived from them by the same rule the command side applies (platform LinkRules). A person recorded before this
-- table existed gets the row at their next link event, folded from their stream.
create table query.person_link_facts (
    person_id uuid  not null primary key,
    facts     jsonb not null
);
