import { defineConfig, type InlineConfig } from 'vite';

/**
 * One extension entry built as one self-contained file. The content script must be an IIFE with
 * no imports (it is injected with `scripting.executeScript({files})`); the Chrome service worker
 * is an ES module; Firefox's background script is an IIFE. scripts/build-ext.ts calls this once
 * per entry and format.
 */
export function extEntryConfig(opts: {
  entry: string;
  fileName: string;
  format: 'iife' | 'es';
  outDir: string;
  target: string[];
}): InlineConfig {
  return {
    configFile: false,
    logLevel: 'warn',
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    build: {
      outDir: opts.outDir,
      emptyOutDir: false,
      copyPublicDir: false,
      target: opts.target,
      minify: true,
      sourcemap: false,
      reportCompressedSize: false,
      lib: {
        entry: opts.entry,
        formats: [opts.format],
        name: 'CryptoReader',
        fileName: () => opts.fileName,
      },
    },
  };
}

// `vite build` on its own builds the content script (the e2e helper rebuilds everything with
// `npm run build:ext`).
export default defineConfig(
  extEntryConfig({
    entry: 'src/content/index.ts',
    fileName: 'content.js',
    format: 'iife',
    outDir: 'dist/.vite',
    target: ['chrome120', 'firefox128'],
  }),
);
