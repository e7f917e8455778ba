-- The card shows the person's current situation beside the base data: residence status, benefit regime, and
-- whether they have left the district. Codes only; labels are added when reading.
alter table query.person_card add column residence_status      varchar(40);
alter table query.person_card add column residence_valid_until date;
alter table query.person_card add column benefit_regime        varchar(20);
alter table query.person_card add column moved_away_on         date;
