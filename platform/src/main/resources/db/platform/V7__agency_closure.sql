-- An agency leaves the directory by closing, never by deletion: events and the audit trail keep naming it.
alter table directory.agency add column closed_on date;
