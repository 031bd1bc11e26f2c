import type { Detector } from '../context.js';
import { adSlotDetector, adSlotPreDetector } from './ad-slot.js';
import { disclaimerDetector, disclaimerPreDetector } from './disclaimer.js';
import { downloadCtaDetector } from './download-cta.js';
import { navSpamDetector, navSpamPreDetector } from './nav-spam.js';
import { newsletterDetector, newsletterPreDetector } from './newsletter.js';
import { outletRollCallDetector } from './outlet-roll-call.js';
import { paginationDetector } from './pagination.js';
import { prevNextDetector } from './prev-next.js';
import { priceTickerDetector, priceTickerPreDetector } from './price-ticker.js';
import { relatedLinkDetector } from './related-link.js';
import { relatedListDetector } from './related-list.js';
import { shareWidgetDetector, shareWidgetPreDetector } from './share-widget.js';
import { tagsDetector, tagsPreDetector } from './tags.js';

/**
 * The generic boilerplate detectors (research §11 T7–T11, T14–T22), in run order within each
 * phase. Pre: chrome found by class before Readability sees the page. Post: text signatures
 * on Readability's content; the ones with strong signatures of their own (dated related items,
 * prev/next, share lines) run first, so that the position-based ones (roll call, disclaimer,
 * pagination) see the tail they are looking for.
 */
export const BOILERPLATE_DETECTORS: readonly Detector[] = [
  adSlotPreDetector,
  shareWidgetPreDetector,
  priceTickerPreDetector,
  newsletterPreDetector,
  tagsPreDetector,
  disclaimerPreDetector,
  navSpamPreDetector,

  navSpamDetector,
  priceTickerDetector,
  adSlotDetector,
  relatedListDetector,
  prevNextDetector,
  shareWidgetDetector,
  relatedLinkDetector,
  newsletterDetector,
  downloadCtaDetector,
  tagsDetector,
  outletRollCallDetector,
  disclaimerDetector,
  paginationDetector,
];
