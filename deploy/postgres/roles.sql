-- Kiim's three database roles (docs/operations.md, "Database roles"). A DBA runs this once per deployment, as a
-- superuser or a role with CREATEROLE, connected to the Kiim database; it may be run again (it changes nothing
-- that is already so):
--
--   psql -v ON_ERROR_STOP=1 -d kiim -f deploy/postgres/roles.sql
--
-- and then gives each role a password (\password kiim_migrator, \password kiim_command, \password kiim_query).
--
--   kiim_migrator  owns every schema, table and function of Kiim and is the only role that runs DDL: the
--                  services use it for their Flyway migrations at start-up (kiim.migrations.username/password)
--   kiim_command   the command service's connections (spring.datasource.username)
--   kiim_query     the query service's connections
--
-- The application roles own nothing and get their privileges from the migrations' grant scripts, which run after
-- every migration once the services are started with kiim.migrations.command-role=kiim_command and
-- kiim.migrations.query-role=kiim_query.

do $$
declare
    role text;
begin
    foreach role in array array['kiim_migrator', 'kiim_command', 'kiim_query'] loop
        if not exists (select from pg_roles where rolname = role) then
            execute format('create role %I login nosuperuser nocreatedb nocreaterole noinherit', role);
        end if;
    end loop;
    -- The migrator creates the schemas; nobody else may create anything in this database.
    execute format('grant create on database %I to kiim_migrator', current_database());
    execute format('revoke create on database %I from kiim_command, kiim_query', current_database());
end
$$;

-- A database migrated before the roles existed: its objects belong to the role the services used to connect as.
-- Hand them to the migrator, which then grants to the application roles at the next start.
do $$
declare
    object record;
begin
    for object in
        select format('alter schema %I owner to kiim_migrator', nspname) as ddl
          from pg_namespace
         where nspname in ('event_store', 'directory', 'key_store', 'command', 'query', 'audit')
        union all
        -- Tables, views and free-standing sequences; a serial's sequence follows its table.
        select format('alter %s %I.%I owner to kiim_migrator',
                      case c.relkind when 'S' then 'sequence' when 'v' then 'view'
                                     when 'm' then 'materialized view' else 'table' end, n.nspname, c.relname)
          from pg_class c join pg_namespace n on n.oid = c.relnamespace
         where n.nspname in ('event_store', 'directory', 'key_store', 'command', 'query', 'audit')
           and c.relkind in ('r', 'p', 'v', 'm', 'S')
           and not exists (select from pg_depend d
                            where d.classid = 'pg_class'::regclass and d.objid = c.oid and d.deptype in ('a', 'i'))
        union all
        select format('alter function %s owner to kiim_migrator', p.oid::regprocedure)
          from pg_proc p join pg_namespace n on n.oid = p.pronamespace
         where n.nspname in ('event_store', 'directory', 'key_store', 'command', 'query', 'audit')
    loop
        execute object.ddl;
    end loop;
end
$$;
