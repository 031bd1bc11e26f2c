import { describe, expect, it } from 'vitest';
import {
  isBackgroundRequest,
  isContentRequest,
  isExtensionSender,
  isFromFrame,
  isToFrame,
} from './messages.js';

const ID = 'abcdefghijklmnopabcdefghijklmnop';
const ORIGIN = `chrome-extension://${ID}/`;

describe('isExtensionSender', () => {
  it('accepts our own extension page, with or without a tab', () => {
    expect(isExtensionSender({ id: ID, url: `${ORIGIN}options/options.html` }, ID, ORIGIN)).toBe(
      true,
    );
    expect(
      isExtensionSender({ id: ID, url: `${ORIGIN}options/options.html`, tab: {} }, ID, ORIGIN),
    ).toBe(true);
    expect(
      isExtensionSender(
        { id: ID, url: `${ORIGIN}test.html`, tab: { url: `${ORIGIN}test.html` } },
        ID,
        ORIGIN,
      ),
    ).toBe(true);
  });

  it('accepts a Firefox moz-extension origin given without the trailing slash', () => {
    const origin = 'moz-extension://4b1c0f3e-1111-2222-3333-444455556666';
    expect(
      isExtensionSender(
        { id: 'crypto-reader@example.org', url: `${origin}/options/options.html` },
        'crypto-reader@example.org',
        origin,
      ),
    ).toBe(true);
  });

  it('rejects our content script (page URL, page tab)', () => {
    expect(
      isExtensionSender(
        { id: ID, url: 'https://news.example/a.html', tab: { url: 'https://news.example/a.html' } },
        ID,
        ORIGIN,
      ),
    ).toBe(false);
  });

  it('rejects another extension and senders without an id or url', () => {
    expect(isExtensionSender({ id: 'other', url: `${ORIGIN}x.html` }, ID, ORIGIN)).toBe(false);
    expect(isExtensionSender({ url: `${ORIGIN}x.html` }, ID, ORIGIN)).toBe(false);
    expect(isExtensionSender({ id: ID }, ID, ORIGIN)).toBe(false);
  });

  it('rejects a look-alike origin and our frame embedded in a web page', () => {
    expect(
      isExtensionSender(
        { id: ID, url: `chrome-extension://${ID}.evil.example/x.html` },
        ID,
        ORIGIN,
      ),
    ).toBe(false);
    expect(isExtensionSender({ id: ID, url: `https://evil.example/${ORIGIN}` }, ID, ORIGIN)).toBe(
      false,
    );
    expect(
      isExtensionSender(
        { id: ID, url: `${ORIGIN}frame.html`, tab: { url: 'https://evil.example/' } },
        ID,
        ORIGIN,
      ),
    ).toBe(false);
  });

  it('rejects everything when the extension id or origin is unknown', () => {
    expect(isExtensionSender({ id: '', url: 'x' }, '', '')).toBe(false);
  });
});

describe('message guards', () => {
  it('accepts a well-formed reader/toggle for the background', () => {
    expect(isBackgroundRequest({ type: 'reader/toggle', tabId: 12 })).toBe(true);
  });

  it('rejects malformed background requests', () => {
    for (const m of [
      null,
      'reader/toggle',
      [],
      {},
      { type: 'reader/toggle' },
      { type: 'reader/toggle', tabId: '12' },
      { type: 'reader/toggle', tabId: -1 },
      { type: 'reader/toggle', tabId: 1.5 },
      { type: 'reader/open', tabId: 1 },
    ]) {
      expect(isBackgroundRequest(m), JSON.stringify(m)).toBe(false);
    }
  });

  it('content requests: toggle carries rules, state carries nothing', () => {
    expect(isContentRequest({ type: 'reader/toggle', rules: [] })).toBe(true);
    expect(isContentRequest({ type: 'reader/state' })).toBe(true);
    expect(isContentRequest({ type: 'reader/toggle' })).toBe(false);
    expect(isContentRequest({ type: 'reader/toggle', rules: 'all' })).toBe(false);
    expect(isContentRequest({ type: 'reader/close' })).toBe(false);
  });
});

describe('issue 4 message guards', () => {
  const rule = { id: 'a', match: ['a.example'], enabled: true, remove: [], removeText: [] };
  it('rules/preview: to the background with a tab id and a rule; to a tab with the rules', async () => {
    const m = await import('./messages.js');
    expect(m.isBackgroundRequest({ type: 'rules/preview', tabId: 3, rule })).toBe(true);
    expect(m.isBackgroundRequest({ type: 'rules/preview', tabId: -1, rule })).toBe(false);
    expect(m.isBackgroundRequest({ type: 'rules/preview', tabId: 3 })).toBe(false);
    expect(m.isContentRequest({ type: 'rules/preview', rule, rules: [] })).toBe(true);
    expect(m.isContentRequest({ type: 'rules/preview', rule })).toBe(false);
  });
  it('reader rule requests', async () => {
    const m = await import('./messages.js');
    expect(m.isReaderRuleRequest({ type: 'rules/add-from-reader', rule })).toBe(true);
    expect(m.isReaderRuleRequest({ type: 'rules/add-from-reader', rule: 'x' })).toBe(false);
    expect(m.isReaderRuleRequest({ type: 'rules/remove-from-reader', id: 'hide-a' })).toBe(true);
    expect(m.isReaderRuleRequest({ type: 'rules/remove-from-reader' })).toBe(false);
    expect(m.isReaderRuleRequest({ type: 'reader/toggle', tabId: 1 })).toBe(false);
  });
});

describe('the reader port messages (issue 12)', () => {
  it('accepts the frame requests in shape only', () => {
    expect(isFromFrame({ type: 'painted' })).toBe(true);
    expect(isFromFrame({ type: 'prove', nonce: 'abc' })).toBe(true);
    expect(isFromFrame({ type: 'prove', nonce: 1 })).toBe(false);
    expect(isFromFrame({ type: 'removal-html', seq: 3, id: 'r1' })).toBe(true);
    expect(isFromFrame({ type: 'removal-html', id: 'r1' })).toBe(false);
    expect(
      isFromFrame({ type: 'propose-hide', seq: 1, blockText: 'x', readerTexts: ['a', 2] }),
    ).toBe(false);
    expect(isFromFrame({ type: 'rerender', seq: 2, add: { id: 'hide-x' } })).toBe(true);
    expect(isFromFrame({ type: 'rerender', seq: 2, remove: 5 })).toBe(false);
    expect(isFromFrame({ type: 'rules/add-from-reader', rule: {} })).toBe(false);
    expect(isFromFrame(null)).toBe(false);
  });
  it('accepts the content script messages in shape only', () => {
    expect(isToFrame({ type: 'no-article' })).toBe(true);
    expect(isToFrame({ type: 'reply', seq: 1, value: null })).toBe(true);
    expect(isToFrame({ type: 'article', article: {}, htmlIds: [] })).toBe(true);
    expect(isToFrame({ type: 'article', article: 'x', htmlIds: [] })).toBe(false);
    expect(isToFrame({ type: 'other' })).toBe(false);
  });
});
