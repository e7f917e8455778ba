#!/bin/sh
# The passwords of Kiim's three roles, for the PostgreSQL container's first start (deploy/compose/production.yml).
# Runs after roles.sql in /docker-entrypoint-initdb.d; the passwords come from the container's environment and are
# passed to psql as variables, so they appear in no command line and no log.
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
  -v migrator="$KIIM_MIGRATOR_PASSWORD" -v command="$KIIM_COMMAND_DB_PASSWORD" -v query="$KIIM_QUERY_DB_PASSWORD" <<'SQL'
alter role kiim_migrator password :'migrator';
alter role kiim_command password :'command';
alter role kiim_query password :'query';
SQL
