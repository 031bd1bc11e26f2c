import { describe, expect, it } from 'vitest';
import { extractArticle, readingMinutes } from './extract-article.js';
import { makeDocument, TEST_URL } from './test-support/dom.js';

const PARAS = Array.from(
  { length: 6 },
  (_, i) =>
    `<p>Paragraph ${i} explains how rollups post their data to the base layer, why blob fees fell after the upgrade, and what that means for users who bridge assets between chains every week.</p>`,
).join('');

describe('extractArticle', () => {
  it('does not mutate the input document', () => {
    const doc = makeDocument(
      `<html><head><title>Rollups</title></head><body><article>${PARAS}</article></body></html>`,
    );
    const before = doc.documentElement.outerHTML;
    expect(extractArticle(doc, { url: TEST_URL })).not.toBeNull();
    expect(doc.documentElement.outerHTML).toBe(before);
  });

  it('returns null when there is no article', () => {
    const doc = makeDocument('<html><body><nav><a href="/">Home</a></nav></body></html>');
    expect(extractArticle(doc, { url: TEST_URL })).toBeNull();
  });

  it('sanitizes content and fixes URLs and lazy images', () => {
    const doc = makeDocument(
      `<html><body><article>${PARAS}<p>Chart <img data-src="/img/chart.png" src="data:image/gif;base64,R0lGOD" onerror="window.__x=1">` +
        `<a href="javascript:alert(1)">bad</a> <a href="/next">next</a></p><script>window.__x=2</script>` +
        `<iframe src="https://evil.example/"></iframe><form><input value="x"></form><style>p{color:red}</style></article></body></html>`,
    );
    const a = extractArticle(doc, { url: TEST_URL })!;
    expect(a.contentHtml).not.toMatch(/<script|<style|<iframe|<form|<input|onerror|javascript:/i);
    expect(a.contentHtml).toContain('src="https://news.example.com/img/chart.png"');
    expect(a.contentHtml).toContain('href="https://news.example.com/next"');
  });

  it('reports removals with placeholders and the sanitized removed HTML', () => {
    const doc = makeDocument(
      `<html><body><article>${PARAS}<p>某鏈:網絡升級完成:金色財經報道,主網已完成升級。<b onclick="x()">!</b>[2023/7/12 10:49:49]</p>${PARAS}</article></body></html>`,
    );
    const a = extractArticle(doc, { url: TEST_URL })!;
    expect(a.removed).toHaveLength(1);
    const [r] = a.removed;
    expect(r).toMatchObject({ id: 'r1', kind: 'flash-news', rule: 'detector:flash-news' });
    expect(r!.html).toContain('主網已完成升級');
    expect(r!.html).not.toContain('onclick');
    expect(a.contentHtml).toContain('data-cr-removed="r1"');
    expect(a.textContent).not.toContain('主網已完成升級');
  });

  it("renders a removal's HTML only when read, and the JSON still carries it", () => {
    const doc = makeDocument(
      `<html><body><article>${PARAS}<p>某鏈:網絡升級完成:金色財經報道,主網已完成升級。[2023/7/12 10:49:49]</p>${PARAS}</article></body></html>`,
    );
    const a = extractArticle(doc, { url: TEST_URL })!;
    const json = JSON.parse(JSON.stringify(a)) as typeof a;
    expect(Object.keys(json.removed[0]!)).toEqual([
      'id',
      'kind',
      'rule',
      'text',
      'html',
      'reasons',
    ]);
    expect(json.removed[0]!.html).toContain('主網已完成升級');
    expect(json.removed[0]!.reasons).toEqual(['head', 'outlet-dateline', 'stamp:trailing-bracket']);
  });

  it('takes the date from a <time datetime> when the meta tags have none', () => {
    const doc = makeDocument(
      `<html><body><article><h1>Rollups</h1><time datetime="2024-08-19T07:00:00Z">Aug 19</time>${PARAS}</article></body></html>`,
    );
    expect(extractArticle(doc, { url: TEST_URL })!.publishedTime).toBe('2024-08-19T07:00:00.000Z');
  });

  it('counts reading time for CJK and Latin text apart', () => {
    expect(readingMinutes('字'.repeat(4000))).toBe(10);
    expect(readingMinutes('word '.repeat(2300))).toBe(10);
    expect(readingMinutes('字'.repeat(2000) + ' word'.repeat(1150))).toBe(10);
  });
});

describe('extractArticle on pages without an article', () => {
  it('returns null for a price table with a nav bar and a search form', () => {
    const doc = makeDocument(
      '<html><body><div><a href="/">行情</a><a href="/">快讯</a></div><form><input></form><p>© 币价看板</p>' +
        '<table><tr><th>币种</th><th>价格</th></tr><tr><td>BTC</td><td>$97,120.4</td></tr></table></body></html>',
    );
    expect(extractArticle(doc, { url: TEST_URL })).toBeNull();
  });

  it('returns null for a sign-in form', () => {
    const doc = makeDocument(
      '<html><body><h3>Sign in</h3><form><label>Email <input></label></form></body></html>',
    );
    expect(extractArticle(doc, { url: TEST_URL })).toBeNull();
  });

  it('keeps a one-line post', () => {
    const doc = makeDocument(
      '<html><body><div><p>Gas fees fell to a yearly low today.</p></div></body></html>',
    );
    expect(extractArticle(doc, { url: TEST_URL })?.textContent).toContain('yearly low');
  });
});

describe('extractArticle on <br><br> bodies', () => {
  it('keeps a paragraph whole across old inline tags such as <font> and <u>', () => {
    const para = (i: number) =>
      `第${i}段：每一<font color="red">個區塊</font>都可能被重組，這對<u>結算最終性</u>的討論非常重要，也是本文反覆強調的觀點。`;
    const body = Array.from({ length: 6 }, (_, i) => para(i)).join('<br><br>');
    const doc = makeDocument(`<html><body><div class="c">${body}</div></body></html>`);
    const a = extractArticle(doc, { url: TEST_URL })!;
    const ps = [...makeDocument(`<body>${a.contentHtml}</body>`).querySelectorAll('p')];
    expect(ps.filter((p) => p.textContent?.includes('結算最終性'))).toHaveLength(6);
  });
});

describe('extractArticle on tiny pages', () => {
  it('keeps a page whose whole text is a few words of prose', () => {
    const doc = makeDocument('<html><body><div><p>abc</p><p>def</p> ghi</div></body></html>');
    expect(extractArticle(doc, { url: TEST_URL })?.textContent).toContain('def');
  });
});
