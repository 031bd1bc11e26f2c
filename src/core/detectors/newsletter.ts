import type { Block } from '../blocks.js';
import type { Detector } from '../context.js';
import { normalizeText } from '../text.js';
import { chromeClasses, markChrome, removeMarkedChrome } from '../chrome-marks.js';
import {
  blockFacts,
  firstProseIndex,
  isSmallWidget,
  lastProseIndex,
  removeGrouped,
} from '../block-facts.js';

/**
 * Newsletter boxes (research §11 T16).
 * - In the page (Readability drops forms, so the widget is found before it): a
 *   `[data-module-name*=newsletter]` module, a `newsletter`-classed box, or the box around an
 *   email input, when it is small and speaks of a newsletter or subscribing.
 * - In Readability's content: a `<Name> Newsletter` title followed by its pitch or sign-up line
 *   (Decrypt's "Daily Debrief Newsletter"); pitch lines next to such a title or about an inbox;
 *   "subscribe to the … newsletter" and "originally appeared in … newsletter" lines when they
 *   sit above or below the essay or are set in italics (The Block, CoinDesk).
 */
const SIGNUP_WORDS =
  /newsletter|subscrib|sign(?:ing)?[ -]up|inbox|unsubscribe|privacy policy|terms of use|订阅|訂閱/i;
const MAX_WIDGET = 600;
const MAX_CLIMB = 3;
/** Text a wider box may add around the form: a heading and a pitch line. */
const MAX_CLIMB_TEXT = 200;

/** Every line this detector takes says one of these (a cheap first test). */
const SIGNUP_TEXT =
  /newsletter|subscribe|sign up|inbox|start every day|get the latest|your (?:weekly|daily)|a (?:weekly|daily)/i;
const TITLE = /^[\p{L}\p{N}'’&.,: -]{1,40}\snewsletter$/iu;
const PITCH =
  /^(?:start every day with|get the latest|your weekly|a weekly|your daily|a daily|sign up (?:for|to)|subscribe (?:to|for|now)|get (?:it|this|our|them|the) .{0,40}in your inbox)\b/i;
const INBOX = /\binbox\b|\bnewsletters?\b|\bsign up\b|\bsubscribe\b/i;
const SIGNUP_BUTTON = /^(?:sign up|subscribe|join|get it|sign me up)\b.{0,20}$/i;
const SUBSCRIBE =
  /\b(?:subscribe|sign up) (?:to|for) (?:the|our|this|my)\b.{0,60}\bnewsletters?\b/i;
const ORIGIN = /originally (?:appeared|published) in .{0,100}newsletter/i;
const MAX_PITCH = 300;
const MAX_LINE = 500;
const RULE = 'detector:newsletter';

const newsletterPre: Pick<Detector, 'run'> = {
  run(ctx) {
    const widgets: Element[] = [];
    for (const input of chromeClasses(ctx.content, 'newsletter')) {
      if (input.tagName !== 'INPUT') {
        widgets.push(input);
        continue;
      }
      let box: Element = input.closest('form') ?? input;
      // A comment form asks for an email too, and has a text area for the comment.
      if (box.querySelector('textarea')) continue;
      // Widen to the box around the form (its heading and pitch), never to what holds more.
      for (let k = 0; k < MAX_CLIMB; k++) {
        const p = box.parentElement;
        if (!p || p === ctx.content || p.querySelector('textarea')) break;
        const extra =
          normalizeText(p.textContent ?? '').length - normalizeText(box.textContent ?? '').length;
        if (extra > MAX_CLIMB_TEXT || !isSmallWidget(p, MAX_WIDGET, SIGNUP_WORDS)) break;
        box = p;
      }
      widgets.push(box);
    }
    for (const el of widgets) {
      if (el === ctx.content || el.querySelector('textarea')) continue;
      if (!isSmallWidget(el, MAX_WIDGET, SIGNUP_WORDS)) continue;
      if (!SIGNUP_WORDS.test(normalizeText(el.textContent ?? ''))) continue;
      markChrome(el, 'newsletter');
    }
  },
};

function italic(b: Block): boolean {
  let n = 0;
  for (const em of b.el.querySelectorAll('em, i')) {
    if (!em.parentElement?.closest('em, i')) n += normalizeText(em.textContent ?? '').length;
  }
  return n >= 0.8 * b.text.length;
}

const newsletterPost: Pick<Detector, 'run'> = {
  run(ctx) {
    removeMarkedChrome(ctx, 'newsletter', RULE);
    const blocks = ctx.blocks();
    const isCta = (b: Block) =>
      b.text.length <= MAX_LINE && (SUBSCRIBE.test(b.text) || ORIGIN.test(b.text));
    const head = firstProseIndex(blocks, isCta);
    const tail = lastProseIndex(blocks, isCta);
    const found = new Set<Element>();
    blocks.forEach((b, i) => {
      if (b.text.length > MAX_LINE || !SIGNUP_TEXT.test(b.text) || blockFacts(b).literal) return;
      const next = blocks[i + 1];
      if (TITLE.test(b.text)) {
        const pitched =
          !next ||
          (next.text.length <= MAX_PITCH && (PITCH.test(next.text) || SUBSCRIBE.test(next.text))) ||
          SIGNUP_BUTTON.test(next.text);
        if (pitched) {
          found.add(b.el);
          if (next) found.add(next.el);
        }
        return;
      }
      if (b.text.length <= MAX_PITCH && PITCH.test(b.text) && INBOX.test(b.text)) {
        found.add(b.el);
        return;
      }
      if (isCta(b) && (i < head || i > tail || italic(b))) found.add(b.el);
    });
    removeGrouped(ctx, [...found], 'newsletter', RULE);
  },
};

export const newsletterDetector: Detector = {
  id: 'newsletter',
  phase: 'both',
  order: 47,
  run(ctx) {
    if (ctx.phase === 'pre') newsletterPre.run(ctx);
    else newsletterPost.run(ctx);
  },
};
