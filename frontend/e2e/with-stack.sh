#!/bin/sh
# make test: runs "$@" (the Go and dashboard unit tests) while the e2e stack builds and
# seeds its demo tenant (start-stack.sh: minutes of DynamoDB Local writes on one core,
# which the unit tests would otherwise wait for), then the Playwright suite against that
# stack. The stack is stopped, and its data directory removed, however this ends.
set -eu
cd "$(dirname "$0")/../.."
port=$(node frontend/e2e/free-port.cjs)
mkdir -p frontend/e2e/output
log=frontend/e2e/output/stack.log
PORT=$port E2E_RUNNER_PID=$$ sh frontend/e2e/start-stack.sh >"$log" 2>&1 &
stack=$!
trap 'kill -TERM $stack 2>/dev/null || true; wait $stack 2>/dev/null || true' EXIT
trap 'exit 130' INT TERM

"$@"

# /healthz answers 503 while the demo tenant is seeded and 200 once it is ready.
waited=0
until node -e "fetch('http://127.0.0.1:$port/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"; do
	if ! kill -0 "$stack" 2>/dev/null; then
		echo "the e2e stack stopped before it was ready:" >&2
		cat "$log" >&2
		exit 1
	fi
	waited=$((waited + 2))
	if [ "$waited" -gt 900 ]; then
		echo "the e2e stack was not ready after 15 minutes; see $log" >&2
		exit 1
	fi
	sleep 2
done
E2E_BASE_URL="http://127.0.0.1:$port" make --no-print-directory test-e2e
