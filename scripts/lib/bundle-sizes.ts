import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface BundleSize {
  target: string;
  file: string;
  raw: number;
  /** gzip at zlib's default level (6), as a server would send it. */
  gzip: number;
}

function walk(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...walk(p));
    else out.push(p);
  }
  return out;
}

/** Every `*.js` under `dist/<target>` for each target that exists, raw and gzip bytes. */
export function bundleSizes(
  distDir: string,
  targets = ['chrome', 'firefox'],
): { sizes: BundleSize[]; missing: string[] } {
  const sizes: BundleSize[] = [];
  const missing: string[] = [];
  for (const target of targets) {
    const root = join(distDir, target);
    if (!existsSync(root)) {
      missing.push(target);
      continue;
    }
    for (const file of walk(root)
      .filter((f) => f.endsWith('.js'))
      .sort()) {
      const buf = readFileSync(file);
      sizes.push({
        target,
        file: relative(root, file),
        raw: buf.length,
        gzip: gzipSync(buf).length,
      });
    }
  }
  return { sizes, missing };
}
