import { defineConfig } from '@playwright/test';

/**
 * End-to-end tests against the built extension in `dist/` (run `npm run build` first; `npm test`
 * and `npm run test:e2e` do). Chromium tests load `dist/chrome` into Debian's /usr/bin/chromium
 * (or $CHROMIUM_PATH); the Firefox test installs `dist/firefox` into /usr/bin/firefox-esr (or
 * $FIREFOX_PATH) through puppeteer-core. One worker: the CI machine has two cores, and the
 * browser needs the other.
 */
export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  outputDir: 'artifacts/e2e/test-results',
  workers: 1,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  // One retry in CI: a toolbar click sent through CDP (Extensions.triggerAction) was seen, about
  // once in 30 runs on this loaded 2-core machine, not to reach the service worker. A retried
  // test still shows as flaky in the report; locally nothing is retried.
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  // A hung browser fails the run instead of holding CI.
  globalTimeout: 20 * 60_000,
  expect: { timeout: 10_000 },
  reporter: [
    ['list'],
    ...(process.env.CI ? [['junit', { outputFile: 'artifacts/e2e/junit.xml' }] as const] : []),
    ['./e2e/lib/summary-reporter.ts'],
  ],
});
