#!/bin/sh
# Runs Jest for one project in ESM mode (NestJS 12 is ESM-only; Jest's ESM support needs vm modules).
# Usage: jest.sh <projectRoot> [jest args…]
set -e
project="$1"; shift
exec node --experimental-vm-modules --no-warnings=ExperimentalWarning node_modules/jest/bin/jest.js -c "$project/jest.config.js" "$@"
