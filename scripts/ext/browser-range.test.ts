import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

// One supported range, said in three places that must agree: .ci/check-browsers (which fails
// CI below it), manifest.json's minimum versions, and the README.

const root = path.resolve(import.meta.dirname, '..', '..');
const script = path.join(root, '.ci', 'check-browsers');
const source = readFileSync(script, 'utf8');
const min = (name: string) => Number(new RegExp(`^${name}=(\\d+)$`, 'm').exec(source)?.[1]);
const manifest = JSON.parse(readFileSync(path.join(root, 'manifest.json'), 'utf8')) as {
  minimum_chrome_version: string;
  browser_specific_settings: { gecko: { strict_min_version: string } };
};

describe('the supported browser range', () => {
  it("Firefox's floor is the manifest's strict_min_version; Chromium's is at least the manifest's", () => {
    expect(min('MIN_FIREFOX')).toBe(
      Number.parseInt(manifest.browser_specific_settings.gecko.strict_min_version, 10),
    );
    expect(min('MIN_CHROMIUM')).toBeGreaterThanOrEqual(
      Number.parseInt(manifest.minimum_chrome_version, 10),
    );
  });

  it('the README states it', () => {
    const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
    expect(readme).toContain(`Chromium ≥ ${min('MIN_CHROMIUM')}`);
    expect(readme).toContain(`Firefox ESR ≥ ${min('MIN_FIREFOX')}`);
  });
});

describe('.ci/check-browsers', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'cr-fake-browsers-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  /** A fake browser binary whose `--version` prints `line`. */
  const fake = (name: string, line: string): string => {
    const file = path.join(dir, name);
    writeFileSync(file, `#!/bin/sh\necho '${line}'\n`);
    chmodSync(file, 0o755);
    return file;
  };
  const run = (chromium: string, firefox: string) => {
    try {
      const out = execFileSync(script, {
        env: { ...process.env, CHROMIUM_PATH: chromium, FIREFOX_PATH: firefox },
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      return { code: 0, out };
    } catch (e) {
      const err = e as { status: number; stdout: string; stderr: string };
      return { code: err.status, out: err.stdout + err.stderr };
    }
  };

  it('prints the versions it found and passes inside the range', () => {
    const r = run(
      fake('chromium-150', 'Chromium 150.0.7871.100 built on Debian GNU/Linux 12 (bookworm)'),
      fake('firefox-140', 'Mozilla Firefox 140.12.0esr'),
    );
    expect(r.code).toBe(0);
    expect(r.out).toContain('Chromium 150.0.7871.100');
    expect(r.out).toContain('Mozilla Firefox 140.12.0esr');
  });

  it('fails with a clear message below the range', () => {
    const chromium = run(
      fake('chromium-149', 'Chromium 149.0.1 built on Debian'),
      fake('firefox-153', 'Mozilla Firefox 153.8.0esr'),
    );
    expect(chromium.code).toBe(1);
    expect(chromium.out).toMatch(/Chromium 149 is below the supported range \(Chromium >= 150\)/);
    const firefox = run(
      fake('chromium-156', 'Chromium 156.0.8078.108'),
      fake('firefox-128', 'Mozilla Firefox 128.14.0esr'),
    );
    expect(firefox.code).toBe(1);
    expect(firefox.out).toMatch(/Firefox ESR 128 is below the supported range/);
  });

  it('fails when a browser is missing or prints no version', () => {
    const r = run(fake('silent', ''), path.join(dir, 'no-such-firefox'));
    expect(r.code).toBe(1);
    expect(r.out).toContain('could not read a version');
    expect(r.out).toContain('not found at');
  });
});
