-- Why an import that ended FAILED stopped (too large, too many lines, an unexpected error), in words that name no
-- value of the file.
alter table command.import_job add column failure varchar(200);
