#!/bin/sh
# One database and one login role per MallBots service, each role owning its database and only that one: a
# service's credentials cannot read or change another service's data (architecture §2: one database per service).
#
# The postgres image runs this once, on its first start with an empty data volume (every file in
# /docker-entrypoint-initdb.d/, in name order, against a server that listens on the local socket only). Changing a
# password in docker/.env later does not change the role: ALTER ROLE <service> PASSWORD '…', or start over with
# `docker compose -f docker/compose.yaml down -v` (which deletes the data).
#
# Passwords come from the container's environment (<SERVICE>_DB_PASSWORD, set from docker/.env by compose.yaml),
# never from this file. psql reads each one itself (\getenv), so it appears in no command line, and quotes it as
# a literal (:'password'), so any character is safe.
#
# The image sources this file instead of executing it when it is not executable: so no `exit`, no `set -u` and no
# variables that could clash with the entrypoint's own (all are prefixed mallbots_).

mallbots_services="stores customers baskets payments ordering depot cosec search notifications"

mallbots_init() {
  # Every password first: a failure half-way would leave a data volume that the image never initialises again.
  for mallbots_service in $mallbots_services; do
    mallbots_var="$(echo "$mallbots_service" | tr '[:lower:]' '[:upper:]')_DB_PASSWORD"
    if [ -z "$(printenv "$mallbots_var")" ]; then
      echo "docker/database/init.sh: $mallbots_var is empty or not set (see docker/.env.example)" >&2
      return 1
    fi
  done
  for mallbots_service in $mallbots_services; do
    mallbots_var="$(echo "$mallbots_service" | tr '[:lower:]' '[:upper:]')_DB_PASSWORD"
    psql -v ON_ERROR_STOP=1 --no-psqlrc --quiet --username "$POSTGRES_USER" --dbname "${POSTGRES_DB:-$POSTGRES_USER}" \
      -v service="$mallbots_service" -v password_variable="$mallbots_var" <<'SQL' || return 1
\getenv password :password_variable
CREATE ROLE :"service" LOGIN PASSWORD :'password';
CREATE DATABASE :"service" OWNER :"service";
-- PUBLIC may connect to a new database by default; here only its owner (and the superuser) may.
REVOKE ALL ON DATABASE :"service" FROM PUBLIC;
SQL
    echo "docker/database/init.sh: role and database $mallbots_service created"
  done
}

mallbots_init
