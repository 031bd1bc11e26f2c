import type { Detector } from '../context.js';
import { BOILERPLATE_DETECTORS } from './boilerplate.js';
import { creditLineDetector } from './credit-line.js';
import { farmMetaDetector } from './farm-meta.js';
import { flashNewsDetector } from './flash-news.js';

/**
 * Every generic detector, in run order within a phase. Farm meta first (it sets the page
 * signals the others read); flash news before the boilerplate detectors, whose "trailing
 * blocks" must not count injected runs as essay; credit lines before the boilerplate ones, so
 * the top of the body is settled first.
 */
export const DETECTORS: readonly Detector[] = [
  farmMetaDetector,
  flashNewsDetector,
  creditLineDetector,
  ...BOILERPLATE_DETECTORS,
];
