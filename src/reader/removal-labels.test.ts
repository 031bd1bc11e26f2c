import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Removal, RemovalKind } from '../core/types.js';
import { BUILTIN_RULES } from '../rules/builtin/index.js';
import {
  builtinRuleSites,
  EVIDENCE_KEYS,
  KIND_KEYS,
  removalLabel,
  removalLine,
  type RemovalLabelContext,
} from './removal-labels.js';
import { englishReader, READER_STRINGS, type ReaderTranslate } from './reader-strings.js';

const root = path.resolve(import.meta.dirname, '..', '..');
function localeT(locale: string): ReaderTranslate {
  const m = JSON.parse(
    readFileSync(path.join(root, '_locales', locale, 'messages.json'), 'utf8'),
  ) as Record<string, { message: string }>;
  return (key, subs = []) =>
    m[key]!.message.replace(/\$(\d)/g, (_, n: string) => subs[Number(n) - 1] ?? '');
}

function removal(over: Partial<Removal> = {}): Removal {
  return {
    id: 'r1',
    kind: 'flash-news',
    rule: 'detector:flash-news',
    text: 'Odaily星球日报讯 比特币突破7万美元 [2024/3/4 10:15:07]',
    html: '<p>x</p>',
    reasons: ['outlet-dateline', 'dateline-opens', 'stamp:trailing-bracket'],
    ...over,
  };
}

const en: RemovalLabelContext = { t: englishReader, uiLang: 'en' };

describe('removalLabel', () => {
  it('puts the evidence in words, one word per fact', () => {
    const label = removalLabel(removal(), en);
    expect(label.kindLabel).toBe('Injected flash news');
    expect(label.reason).toBe('an outlet dateline and a timestamp');
    expect(label.ruleLabel).toBe('found by Crypto Reader');
    expect(removalLine(label, englishReader)).toBe(
      'Injected flash news: an outlet dateline and a timestamp',
    );
    // Two stamps are one timestamp in words.
    const two = removalLabel(
      removal({ reasons: ['stamp:leading-bracket', 'stamp:trailing-paren'] }),
      en,
    );
    expect(two.reason).toBe('a timestamp');
  });

  it('speaks the UI language, lists included', () => {
    const zhCN = removalLabel(removal(), { t: localeT('zh_CN'), uiLang: 'zh-CN' });
    expect(zhCN.kindLabel).toBe('插入的快讯');
    expect(zhCN.reason).toBe('媒体电头和时间戳');
    const zhTW = removalLabel(removal(), { t: localeT('zh_TW'), uiLang: 'zh-TW' });
    expect(zhTW.kindLabel).toBe('插入的快訊');
    expect(removalLine(zhTW, localeT('zh_TW'))).toBe('插入的快訊：媒體電頭和時間戳記');
  });

  it("falls back to the kind's reason for unknown or missing evidence", () => {
    expect(removalLabel(removal({ reasons: [] }), en).reason).toBe(
      'news items pasted into the essay',
    );
    expect(
      removalLabel(
        removal({ reasons: ['new-signal-v2', 'weird:thing', 'toString', '__proto__'] }),
        en,
      ).reason,
    ).toBe('news items pasted into the essay');
    const old = removal({ kind: 'nav-spam', rule: 'detector:nav-spam' });
    delete (old as Partial<Removal>).reasons;
    expect(removalLabel(old, en).reason).toBe(
      'the site’s keyword or bookmark bar inside the article',
    );
    expect(
      removalLabel(removal({ kind: 'future-kind' as RemovalKind, reasons: [] }), en),
    ).toMatchObject({
      kindLabel: 'Other',
      reason: 'not part of the article',
    });
  });

  it('names the rule: yours, or built-in for a site', () => {
    const ctx: RemovalLabelContext = {
      ...en,
      builtinSites: builtinRuleSites(BUILTIN_RULES),
      userRuleIds: new Set(['my-farm', 'odaily']),
    };
    const r = (rule: string) =>
      removalLabel(removal({ kind: 'rule', rule, reasons: ['selector'] }), ctx);
    expect(r('rule:jinse').ruleLabel).toBe('built-in rule for jinse.com');
    expect(r('rule:my-farm').ruleLabel).toBe('your site rule “my-farm”');
    // A user rule with a built-in's id overrides it: it is the user's.
    expect(r('rule:odaily').ruleLabel).toBe('your site rule “odaily”');
    expect(r('rule:unknown').ruleLabel).toBe('your site rule “unknown”');
    expect(r('rule:jinse').reason).toBe('a CSS selector');
  });

  it('shows a credit line that became the byline as moved', () => {
    const credit = removal({
      kind: 'credit-line',
      rule: 'detector:credit-line',
      text: '作者:  林',
      reasons: [],
    });
    const moved = removalLabel(credit, { ...en, byline: '作者: 林 · 編譯:王' });
    expect(moved.movedToByline).toBe(true);
    expect(moved.reason).toBe('moved to the byline');
    const kept = removalLabel(credit, { ...en, byline: null });
    expect(kept.movedToByline).toBe(false);
    expect(kept.reason).toBe('author, translator or source named above the essay');
  });

  it('never shows a raw id, for any kind and any evidence the core records', () => {
    const kinds = Object.keys(KIND_KEYS) as RemovalKind[];
    const ids = [...Object.keys(EVIDENCE_KEYS), 'stamp:trailing-bracket', 'stamp:new-grammar'];
    for (const locale of ['en', 'zh_CN', 'zh_TW']) {
      const t = localeT(locale);
      for (const kind of kinds) {
        const label = removalLabel(removal({ kind, rule: `detector:${kind}`, reasons: ids }), {
          t,
          uiLang: locale.replace('_', '-'),
        });
        const shown = `${label.kindLabel} ${label.reason} ${label.ruleLabel}`;
        // Ids of one English word (`dateline`, `tags`) are words; compound ids never are.
        for (const raw of [...kinds, ...ids, 'detector:'].filter((x) => /[-:]/.test(x)))
          expect(shown).not.toContain(raw);
        if (locale !== 'en')
          expect(shown.replace(/CSS|Crypto Reader|App/g, '')).not.toMatch(/[A-Za-z]/);
      }
    }
  });

  it('has strings for every kind', () => {
    for (const suffix of Object.values(KIND_KEYS)) {
      expect(READER_STRINGS).toHaveProperty(`reader_kind_${suffix}`);
      expect(READER_STRINGS).toHaveProperty(`reader_kindReason_${suffix}`);
    }
  });
});
