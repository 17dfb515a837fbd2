// Browser tests: Debian's Chromium (never a downloaded browser) against a real plaza-node that
// serves the built app. The tests start the node themselves, on free loopback ports.
import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: 'test/browser',
  timeout: 600_000,
  expect: { timeout: 60_000 },
  workers: 1,
  fullyParallel: false,
  reporter: [['list']],
  outputDir: 'test-results',
  use: {
    launchOptions: { executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium' },
    viewport: { width: 1280, height: 800 },
    actionTimeout: 30_000,
  },
});
