/**
 * Runs a script through Vite's module runner: `tsx scripts/vite-run.ts scripts/bench.ts [args]`.
 * The core registers its detectors with `import.meta.glob` (`src/core/registry.ts`), which Vite
 * and Vitest expand but tsx does not; the scripts that import the core (bench, eval, the
 * test-page generator) run this way, with the same transforms as the tests and the builds.
 * The script sees `process.argv` as if it had been run directly.
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
await runnerImport(path, { configFile: false, logLevel: 'warn' });
