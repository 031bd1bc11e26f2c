/// <reference types="vite/client" />
import type { Detector } from './context.js';

/**
 * Every detector, found by file: each module in `detectors/` (tests aside) exports one
 * `Detector` whose id is the file name and the kind of what it removes. No hand-kept list: a
 * new file is a new detector (and `registry.test.ts` makes it bring a unit test and a test page).
 * Vite and Vitest expand the glob; the scripts run by `tsx` go through Vite (`scripts/vite-run.ts`).
 */
const modules = import.meta.glob<Record<string, unknown>>(
  ['./detectors/*.ts', '!./detectors/*.test.ts'],
  { eager: true },
);

function isDetector(value: unknown): value is Detector {
  const d = value as Partial<Detector> | null;
  return !!d && typeof d.id === 'string' && typeof d.run === 'function' && !!d.phase;
}

/** Detector modules by file path, each with the detectors it exports (the meta-test reads it). */
export const DETECTOR_MODULES: ReadonlyMap<string, readonly Detector[]> = new Map(
  Object.entries(modules).map(([path, mod]) => [path, Object.values(mod).filter(isDetector)]),
);

const byOrder = (a: Detector, b: Detector) => (a.order ?? 50) - (b.order ?? 50);
const all = [...DETECTOR_MODULES.values()].flat().sort(byOrder);

/** Run order of each phase (a `both` detector is in both). */
export const PRE_DETECTORS: readonly Detector[] = all.filter((d) => d.phase !== 'post');
export const POST_DETECTORS: readonly Detector[] = all.filter((d) => d.phase !== 'pre');
export const DETECTORS: readonly Detector[] = all;
