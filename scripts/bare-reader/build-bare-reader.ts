/**
 * Builds the bare reader test extension (a benchmark baseline, never shipped or committed built)
 * into `<outDir>/chrome` (MV3, host access to 127.0.0.1) and `<outDir>/firefox` (MV2, whose host
 * permissions are granted at install, so the bench needs no permission click for it).
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { extEntryConfig } from '../../vite.config.js';

const here = fileURLToPath(new URL('.', import.meta.url));
export const BARE_GECKO_ID = 'bare-reader@bench.crypto-reader.invalid';
const HOSTS = ['http://127.0.0.1/*', 'http://localhost/*'];
const CONTROL = `<!doctype html><html><head><meta charset="utf-8"><title>Bare reader</title></head><body>bare reader control</body></html>\n`;

export async function buildBareReader(
  outDir: string,
): Promise<{ chrome: string; firefox: string }> {
  rmSync(outDir, { recursive: true, force: true });
  const stage = join(outDir, 'stage');
  for (const [entry, file] of [
    ['content.ts', 'content.js'],
    ['background.ts', 'background.js'],
  ] as const) {
    const config = extEntryConfig({
      entry: join(here, entry),
      fileName: file,
      format: 'iife',
      outDir: stage,
      target: ['chrome120', 'firefox128'],
    });
    await build({ ...config, logLevel: 'silent' });
  }
  const dirs = { chrome: join(outDir, 'chrome'), firefox: join(outDir, 'firefox') };
  const manifests = {
    chrome: {
      manifest_version: 3,
      name: 'Bare reader (bench)',
      version: '1.0.0',
      permissions: ['scripting'],
      host_permissions: HOSTS,
      background: { service_worker: 'background.js' },
    },
    firefox: {
      manifest_version: 2,
      name: 'Bare reader (bench)',
      version: '1.0.0',
      permissions: [...HOSTS],
      background: { scripts: ['background.js'] },
      browser_specific_settings: { gecko: { id: BARE_GECKO_ID } },
    },
  };
  for (const t of ['chrome', 'firefox'] as const) {
    mkdirSync(dirs[t], { recursive: true });
    for (const f of ['content.js', 'background.js'])
      writeFileSync(join(dirs[t], f), readFileSync(join(stage, f)));
    writeFileSync(join(dirs[t], 'control.html'), CONTROL);
    writeFileSync(join(dirs[t], 'manifest.json'), `${JSON.stringify(manifests[t], null, 2)}\n`);
  }
  rmSync(stage, { recursive: true, force: true });
  return dirs;
}
