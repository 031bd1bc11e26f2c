/**
 * Runs a script through Vite's module runner: `tsx scripts/vite-run.ts scripts/bench.ts [args]`.
 * The core registers its detectors with `import.meta.glob` (`src/core/registry.ts`), which Vite
 * and Vitest expand but tsx does not; the scripts that import the core (bench, eval, the
 * test-page generator) run this way, with the same transforms as the tests and the builds.
 * The script sees `process.argv` as if it had been run directly. The regex engine for rule
 * patterns is loaded first, as the CLI and the tests have it (a built-in rule holds a regex).
 */
import { resolve } from 'node:path';
import { runnerImport } from 'vite';

const script = process.argv[2];
if (!script) {
  console.error('usage: tsx scripts/vite-run.ts <script.ts> [args…]');
  process.exit(2);
}
const path = resolve(script);
process.argv.splice(1, 2, path);
const options = { configFile: false, logLevel: 'warn' } as const;
await runnerImport(resolve(import.meta.dirname, '../src/rules/pattern-engine-entry.ts'), options);
await runnerImport(path, options);
