-- The access log's chain becomes keyed, gets anchors outside its own rows, and may lose entries older than a
-- retention period (docs/privacy.md, "Access log"; docs/operations.md).
--
-- Keyed chain. Until now each entry's hash was an unkeyed SHA-256, which whoever can write the table can recompute
-- after rewriting an entry. From now on each link is an HMAC-SHA-256 under the deployment key 'access-log-chain'
-- (key_store.deployment_key, wrapped by the KEK, which the database never holds). `keyed` tells the two kinds
-- apart: every entry written before this migration is unkeyed and stays verifiable as it is; none written after it
-- may be unkeyed — the constraint below names the boundary, and the verification refuses an unkeyed entry after a
-- keyed one or after the first anchor, so a rewrite "as if written before the upgrade" is reported.
-- Stop query-service instances of the previous version before this runs: their unkeyed inserts now fail.
alter table audit.access_log add column keyed boolean not null default false;
alter table audit.access_log alter column keyed drop default;
do $$
declare
    boundary bigint;
begin
    select coalesce(max(seq), 0) into boundary from audit.access_log;
    execute format('alter table audit.access_log add constraint access_log_keyed_after_upgrade '
                   'check (keyed or seq <= %s)', boundary);
end
$$;

-- Anchors: the chain's head (seq and link) as the service saw it, at start, periodically, at shutdown, and before
-- retention deletes entries; each with an HMAC under the same key, so it cannot be forged in the database. A
-- rewritten entry at or before an anchor, or a tail cut below one, no longer matches it. Seq 0 is the empty log.
-- No personal data: seq, link, time, kind.
create table audit.access_log_anchor (
    seq         bigint       not null,
    kind        varchar(16)  not null,
    link        bytea        not null,
    anchored_at timestamptz  not null,
    mac         bytea        not null,
    constraint access_log_anchor_pk primary key (seq, kind)
);
create trigger access_log_anchor_append_only before update or delete or truncate on audit.access_log_anchor
    for each statement execute function audit.refuse_change();

-- Retention. The log stays append-only except for one sanctioned deletion: an entry may be deleted once a
-- RETENTION anchor exists after it. The retention job writes that anchor at the new first entry and deletes
-- everything before it in one transaction, so verification starts from an anchored entry. The database cannot
-- check the anchor's HMAC; a forged anchor is reported by the verification, which can.
drop trigger access_log_append_only on audit.access_log;
create trigger access_log_append_only before update or truncate on audit.access_log
    for each statement execute function audit.refuse_change();
create function audit.delete_only_before_retention_anchor() returns trigger language plpgsql as $$
begin
    if not exists (select 1 from audit.access_log_anchor where kind = 'RETENTION' and seq > old.seq) then
        raise exception 'the access log is append-only: only entries before a retention anchor may be deleted';
    end if;
    return old;
end
$$;
create trigger access_log_delete_before_retention_anchor before delete on audit.access_log
    for each row execute function audit.delete_only_before_retention_anchor();
