import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'scripts/**/*.test.ts', 'e2e/**/*.test.ts'],
    environment: 'node',
    // The regex engine for rule patterns: the content script loads it as a separate script and
    // the CLI and package load it with parseRules; tests of the core get it here.
    setupFiles: ['src/rules/pattern-engine-entry.ts'],
    testTimeout: 30_000,
  },
});
