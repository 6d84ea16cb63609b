#!/bin/sh
# Entry point of the npm scripts. A fresh clone has no node_modules (and so no Node 24): install them from the
# lockfile first, then hand over to the TypeScript CLI on the pinned Node 24 (node_modules/.bin/node).
# `npm install` rather than `npm ci`: the registry served here lists only Linux builds of optional native
# packages in the lockfile, which `npm ci` rejects as out of sync (docs/adr/0002).
set -e
cd "$(dirname "$0")/../.."
if [ ! -x node_modules/.bin/node ] || [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "[mallbots] installing npm dependencies from package-lock.json (first run: a minute or two)…" >&2
  npm install --no-audit --no-fund --loglevel=error
fi
exec node_modules/.bin/node tools/cli/main.ts "$@"
