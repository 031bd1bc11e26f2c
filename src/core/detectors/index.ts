import type { Detector } from '../context.js';

/** Every generic detector, in the order they run within a phase. */
export const DETECTORS: readonly Detector[] = [];
