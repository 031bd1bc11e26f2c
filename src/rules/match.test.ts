import { describe, expect, it } from 'vitest';
import { compileRuleIndex, hostMatches, normalizeHostPattern, rulesForUrl } from './match.js';
import type { SiteRule } from './schema.js';

const rule = (id: string, match: string[], enabled = true): SiteRule => ({ id, match, enabled });

const RULES = [
  rule('exact', ['example.com']),
  rule('subs', ['*.example.com']),
  rule('all', ['*']),
  rule('off', ['example.com'], false),
  rule('two', ['other.org', 'news.example.com']),
  rule('tld', ['cn']),
  rule('ip', ['127.0.0.1']),
];
const index = compileRuleIndex(RULES);
const ids = (url: string) => rulesForUrl(index, url).map((r) => r.id);

describe('rulesForUrl', () => {
  it('matches a host and its subdomains, walking up the labels', () => {
    expect(ids('https://example.com/a')).toEqual(['exact', 'all']);
    expect(ids('https://www.example.com/a')).toEqual(['exact', 'subs', 'all']);
    expect(ids('https://news.example.com/')).toEqual(['exact', 'subs', 'all', 'two']);
    expect(ids('https://a.b.news.example.com/')).toEqual(['exact', 'subs', 'all', 'two']);
    expect(ids('https://EXAMPLE.com./')).toEqual(['exact', 'all']);
  });

  it('does not match look-alike hosts', () => {
    expect(ids('https://notexample.com/')).toEqual(['all']);
    expect(ids('https://example.com.evil.net/')).toEqual(['all']);
    expect(ids('https://example.co/')).toEqual(['all']);
  });

  it('handles other hosts, IPs, file: URLs and bad URLs', () => {
    expect(ids('http://www.jinse.cn/')).toEqual(['all', 'tld']);
    expect(ids('http://127.0.0.1:8080/x')).toEqual(['all', 'ip']);
    expect(ids('http://0.0.1/x')).toEqual(['all']);
    expect(ids('file:///tmp/page.html')).toEqual(['all']);
    expect(ids('not a url')).toEqual([]);
    expect(rulesForUrl(index, new URL('https://other.org/'))).toEqual([RULES[2], RULES[4]]);
  });

  it('returns each rule once even when several patterns fit', () => {
    const i = compileRuleIndex([
      rule('dup', ['example.com', 'www.example.com', '*', '*.example.com']),
    ]);
    expect(rulesForUrl(i, 'https://www.example.com/').map((r) => r.id)).toEqual(['dup']);
  });

  it('matches internationalized hosts through punycode', () => {
    const i = compileRuleIndex([rule('idn', ['中文.example'])]);
    expect(rulesForUrl(i, 'https://www.中文.example/').map((r) => r.id)).toEqual(['idn']);
  });
});

describe('host patterns', () => {
  it('normalizes or explains', () => {
    expect(normalizeHostPattern(' Example.COM. ')).toEqual({ value: 'example.com' });
    expect(normalizeHostPattern('*.A.b')).toEqual({ value: '*.a.b' });
    expect(normalizeHostPattern('*')).toEqual({ value: '*' });
    for (const bad of [
      '',
      'a*.com',
      'https://x.com/',
      'x.com/path',
      'a..b',
      '.a.com',
      'a b',
      'x.com:80',
    ]) {
      expect(normalizeHostPattern(bad)).toHaveProperty('error');
    }
  });

  it('hostMatches agrees with the index', () => {
    expect(hostMatches('example.com', 'www.example.com')).toBe(true);
    expect(hostMatches('*.example.com', 'example.com')).toBe(false);
    expect(hostMatches('*.example.com', 'a.example.com')).toBe(true);
    expect(hostMatches('*', 'anything')).toBe(true);
    expect(hostMatches('bad pattern', 'bad pattern')).toBe(false);
  });
});
