export type Target = 'chrome' | 'firefox';

export type Manifest = Record<string, unknown> & {
  manifest_version: number;
  background?: Record<string, unknown>;
  browser_specific_settings?: Record<string, unknown>;
};

/**
 * The manifest for one browser from the one top-level `manifest.json`:
 * - version: always package.json's (the source manifest carries none);
 * - Chrome: a module service worker, no `browser_specific_settings`;
 * - Firefox: `background.scripts` (an event page; Firefox runs no extension service workers, up
 *   to 153 at least) and the gecko id / minimum versions.
 */
export function buildManifest(source: Manifest, target: Target, version: string): Manifest {
  if (!/^\d+(\.\d+){0,3}$/.test(version))
    throw new Error(`manifest: version "${version}" is not a browser extension version`);
  const m = structuredClone(source);
  m.version = version;
  const worker = source.background?.service_worker;
  if (typeof worker !== 'string')
    throw new Error('manifest: background.service_worker is required in the source');
  if (target === 'chrome') {
    delete m.browser_specific_settings;
    m.background = { service_worker: worker, type: 'module' };
  } else {
    if (!source.browser_specific_settings)
      throw new Error('manifest: browser_specific_settings.gecko is required for Firefox');
    m.background = { scripts: [worker] };
  }
  // Key order: version right after manifest_version/name, as people expect to read it.
  const { manifest_version, name, version: v, ...rest } = m;
  return { manifest_version, name, version: v, ...rest } as Manifest;
}
