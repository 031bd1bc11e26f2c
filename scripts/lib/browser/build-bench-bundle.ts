import { mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const here = fileURLToPath(new URL('.', import.meta.url));

/**
 * Builds the pipeline and Readability into one IIFE (global `CrBench`) with vite's library mode,
 * into `outDir` (a scratch folder, never dist/), and returns the script text.
 */
export async function buildBenchBundle(outDir: string, minify = true): Promise<string> {
  mkdirSync(outDir, { recursive: true });
  await build({
    configFile: false,
    logLevel: 'silent',
    root: resolve(here, '../../..'),
    build: {
      outDir,
      emptyOutDir: false,
      minify,
      copyPublicDir: false,
      lib: {
        entry: join(here, 'bench-entry.ts'),
        name: 'CrBench',
        formats: ['iife'],
        fileName: () => 'cr-bench.iife.js',
      },
    },
  });
  return readFileSync(join(outDir, 'cr-bench.iife.js'), 'utf8');
}
