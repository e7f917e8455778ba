-- Every event moves the version of each card of its person, and most events change nothing else on the card. The
-- version is in no index, so PostgreSQL can update the row in place on its page (a HOT update) and leave the
-- card's eleven indexes alone, but only if the page has room for the new row version: full pages turned each
-- version update into an entry in every index. Pages are now filled to 70% on insert; existing pages get the room
-- when the table is rewritten, which a replay does (it truncates the views).
alter table query.person_card set (fillfactor = 70);
