import { defineConfig } from '@playwright/test';

// Browser tests against the running system (bin/services start, then bin/frontend test): Debian's Chromium, never a
// downloaded browser; a fresh profile per run (Playwright's own temporary user-data-dir); loopback only.
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export default defineConfig({
  testDir: 'tests',
  outputDir: 'target/test-results',
  // two cores shared with the services: one browser at a time
  workers: 1,
  fullyParallel: false,
  retries: 0,
  timeout: 90_000,
  expect: { timeout: 20_000 },
  reporter: [['list']],
  use: {
    baseURL: 'http://localhost:5173',
    screenshot: 'only-on-failure',
    trace: 'off',
    actionTimeout: 20_000,
    navigationTimeout: 30_000,
    launchOptions: {
      executablePath,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  projects: [
    { name: 'browser', testMatch: /.*\.spec\.ts/ },
    { name: 'screenshots', testMatch: /.*\.shots\.ts/ },
  ],
});
