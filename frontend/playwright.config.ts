import { execSync } from 'node:child_process';
import { defineConfig } from '@playwright/test';

// The e2e run starts its own stack the way `make dev` does (same binary, same demo data)
// on a free port with a fresh data directory, so it never meets a developer's `make dev`.
// The port is chosen once, in the runner process, and handed to the workers by env.
// E2E_BASE_URL runs the tests against a stack that is already up (e.g. `make dev`).
const external = process.env.E2E_BASE_URL;
if (!external && !process.env.E2E_PORT) {
  process.env.E2E_PORT = execSync('node e2e/free-port.cjs', { cwd: import.meta.dirname }).toString().trim();
}
const port = process.env.E2E_PORT;
const baseURL = external ?? `http://127.0.0.1:${port}`;

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'e2e/output/test-results',
  // One worker: the stack is shared and the machine has two cores.
  workers: 1,
  fullyParallel: false,
  retries: 0,
  // Generous: the machine the tests share may be busy; a passing run takes far less.
  timeout: 180_000,
  expect: { timeout: 20_000 },
  reporter: [['list']],
  use: {
    baseURL,
    headless: true,
    // --disable-dev-shm-usage: containers often give /dev/shm little room, and a renderer
    // that runs out of it crashes ("Target crashed") instead of failing a test.
    launchOptions: { executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-dev-shm-usage'] },
    // Tests read pt-BR labels only after switching; the browser itself is English.
    locale: 'en-US',
    timezoneId: 'UTC',
    viewport: { width: 1440, height: 900 },
    trace: 'retain-on-failure',
    acceptDownloads: true,
  },
  webServer: external
    ? undefined
    : {
        command: 'sh e2e/start-stack.sh',
        // /healthz answers 503 while the demo tenant is seeded and 200 once it is ready.
        url: `${baseURL}/healthz`,
        timeout: 15 * 60_000,
        reuseExistingServer: false,
        stdout: 'ignore',
        stderr: 'pipe',
        // The runner's pid lets the script stop the server should the runner die first.
        env: { PORT: port!, E2E_RUNNER_PID: String(process.pid) },
        gracefulShutdown: { signal: 'SIGTERM', timeout: 60_000 },
      },
});
