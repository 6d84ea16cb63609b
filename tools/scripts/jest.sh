#!/bin/sh
# Runs Jest for one project in ESM mode (NestJS 12 is ESM-only; Jest's ESM support needs vm modules).
# Usage: jest.sh <projectRoot> [jest args…]
# When MALLBOTS_TEST_RESULTS_DIR is set (npm test), the results also go there as JSON for the final summary.
set -e
project="$1"; shift
# Pact would otherwise report usage to its maintainers over the network (which CI does not have).
export PACT_DO_NOT_TRACK="${PACT_DO_NOT_TRACK:-true}"
if [ -n "$MALLBOTS_TEST_RESULTS_DIR" ]; then
  mkdir -p "$MALLBOTS_TEST_RESULTS_DIR"
  set -- --json --outputFile="$MALLBOTS_TEST_RESULTS_DIR/$(echo "$project" | tr '/' '_').json" "$@"
fi
exec node --experimental-vm-modules --no-warnings=ExperimentalWarning node_modules/jest/bin/jest.js -c "$project/jest.config.js" "$@"
