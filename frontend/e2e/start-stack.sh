#!/bin/sh
# Builds and starts the local stack as `make dev` does, on $PORT with a fresh data
# directory, for Playwright's webServer. Stopping this script (SIGTERM/SIGINT, as Playwright
# does) stops the server and removes the directory; so does the Playwright runner
# ($E2E_RUNNER_PID) going away without stopping it.
set -eu
cd "$(dirname "$0")/../.."
make --no-print-directory -j3 tools frontend-build dev-bin >&2
data=$(mktemp -d "${TMPDIR:-/tmp}/rastro-e2e.XXXXXX")
# Serve a copy of the build: a rebuild of frontend/dist during the run (another terminal,
# another test) must not delete the chunks the browser is loading.
cp -R frontend/dist "$data/dist"
./build/dev/rastro-dev -data "$data" -frontend "$data/dist" &
pid=$!

stop() {
  trap - INT TERM EXIT
  kill -TERM "$pid" 2>/dev/null || true
  # The server stops its stand-ins before it exits; the directory goes after that.
  while kill -0 "$pid" 2>/dev/null; do sleep 0.2; done
  rm -rf "$data"
  exit 0
}
trap stop INT TERM EXIT

runner=${E2E_RUNNER_PID:-}
while kill -0 "$pid" 2>/dev/null; do
  if [ -n "$runner" ] && ! kill -0 "$runner" 2>/dev/null; then stop; fi
  sleep 1
done
