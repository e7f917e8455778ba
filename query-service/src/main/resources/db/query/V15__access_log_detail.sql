-- Which indicator an analyst read, and with which parameters (never the figures): with it an auditor can see series
-- of requests that difference tables (docs/indicators.md, "Residual risks"). Covered by the entry's link where set;
-- entries without it link as before.
alter table audit.access_log add column detail varchar(300);
