// The E2E suite (docs/testing.md): the specs in e2e/specs run in file order, one worker, against a
// published server that e2e/global-setup.mjs starts; Debian's chromium (CHROMIUM_PATH to change it).
//   GLIDEPATH_SERVER_DLL=/path/to/publish/Glidepath.Server.dll npx playwright test
import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: 'e2e/specs',
  outputDir: 'e2e/artifacts/test-results',
  globalSetup: './e2e/global-setup.mjs',
  // One user's path through the app: each spec builds on the data of the ones before.
  workers: 1,
  fullyParallel: false,
  retries: 0,
  // A journey is several steps, and a plan's simulation runs on a loaded CI machine.
  timeout: 10 * 60_000,
  reporter: [['list'], ['./e2e/results-reporter.mjs']],
  use: {
    launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox'] },
  },
});
