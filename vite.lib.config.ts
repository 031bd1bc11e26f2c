import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { defineConfig } from 'vite';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as {
  dependencies?: Record<string, string>;
};

/**
 * The Node builds: the library (`dist/lib/index.js`, the package entry, so that
 * `import { extractArticle } from 'crypto-reader'` works) and the CLI (`dist/cli/main.js`, run by
 * `bin/crypto-reader.js`). ES modules for Node 20; runtime dependencies stay external (they are
 * the package's `dependencies`, read from package.json so a new one is never bundled twice). Type declarations come from `tsc -p tsconfig.lib.json`.
 */
const external = [
  ...Object.keys(pkg.dependencies ?? {}),
  ...builtinModules,
  ...builtinModules.map((m) => `node:${m}`),
];

export default defineConfig({
  logLevel: 'warn',
  build: {
    outDir: 'dist',
    emptyOutDir: false,
    copyPublicDir: false,
    target: 'node20',
    minify: false,
    sourcemap: true,
    reportCompressedSize: false,
    ssr: true,
    rollupOptions: {
      input: {
        'lib/index': 'src/index.ts',
        'cli/main': 'src/cli/main.ts',
        'cli/extract-worker': 'src/cli/extract-worker.ts',
      },
      external: (id) => external.some((e) => id === e || id.startsWith(`${e}/`)),
      output: {
        format: 'es',
        entryFileNames: '[name].js',
        chunkFileNames: 'lib/chunks/[name]-[hash].js',
      },
    },
  },
});
