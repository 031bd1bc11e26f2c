import { describe, expect, it } from 'vitest';
import { makeDocument } from './test-support/dom.js';
import { buildOutline } from './outline.js';

const LONG_ZH =
  '這是一段足夠長的正文段落，用來說明前後文的關係，並且讓偽標題的判斷有可以比較的上下文內容。';
const LONG_EN =
  'This paragraph is long enough to count as body text around the headings under test here.';

function outlineOf(html: string, title = 'Title') {
  const doc = makeDocument(`<body><div id="c">${html}</div></body>`);
  const root = doc.getElementById('c')!;
  return { outline: buildOutline(root, title), root };
}

describe('buildOutline', () => {
  it('lists h2–h6 with levels and sets stable ids on the elements', () => {
    const { outline, root } = outlineOf(
      `<h2>Why fees rose</h2><p>${LONG_EN}</p><h3>Blob space</h3><p>${LONG_EN}</p>`,
    );
    expect(outline).toEqual([
      { level: 2, text: 'Why fees rose', id: 'cr-why-fees-rose' },
      { level: 3, text: 'Blob space', id: 'cr-blob-space' },
    ]);
    expect(root.querySelector('#cr-blob-space')?.textContent).toBe('Blob space');
  });

  it('does not repeat the title and dedupes ids', () => {
    const { outline } = outlineOf(
      `<h2>Title</h2><p>${LONG_EN}</p><h2>Risks</h2><p>${LONG_EN}</p><h2>Risks</h2><p>${LONG_EN}</p>`,
    );
    expect(outline.map((e) => e.id)).toEqual(['cr-risks', 'cr-risks-2']);
  });

  it('finds bold, font-weight and ordinal pseudo-headings', () => {
    const { outline } = outlineOf(
      `<p>${LONG_ZH}</p><p><strong>市場結構的變化</strong></p><p>${LONG_ZH}</p>` +
        `<section><span style="font-weight: 700">監管的新方向</span></section><p>${LONG_ZH}</p>` +
        `<p>三、下一步怎麼走</p><p>${LONG_ZH}</p>`,
    );
    expect(outline.map((e) => e.text)).toEqual([
      '市場結構的變化',
      '監管的新方向',
      '三、下一步怎麼走',
    ]);
  });

  it('finds plain short CJK lines between paragraphs, not captions or sentences', () => {
    const { outline } = outlineOf(
      `<p>${LONG_ZH}</p><p>ChatGPT 之于 AI 研究員</p><p>${LONG_ZH}</p><p>圖:模型的訓練流程</p><p>${LONG_ZH}</p>` +
        `<p>他說，這很重要。</p><p>${LONG_ZH}</p><p>未來如何?</p><p>${LONG_ZH}</p>`,
    );
    expect(outline.map((e) => e.text)).toEqual(['ChatGPT 之于 AI 研究員', '未來如何?']);
  });

  it('makes bold pseudo-headings one level below real h2s', () => {
    const { outline } = outlineOf(
      `<h2>Part one</h2><p>${LONG_EN}</p><p><b>A bold lead-in</b></p><p>${LONG_EN}</p>`,
    );
    expect(outline.map((e) => e.level)).toEqual([2, 3]);
  });

  it('ignores short English lines that are not bold', () => {
    const { outline } = outlineOf(`<p>${LONG_EN}</p><p>Not a heading</p><p>${LONG_EN}</p>`);
    expect(outline).toEqual([]);
  });
});

describe('buildOutline: plain-line headings (issue 8 point 5)', () => {
  it('counts standalone lines holding , : or ending in ?', () => {
    const { outline } = outlineOf(
      `<p>${LONG_ZH}</p><p>共享排序器:解藥還是新的中心?</p><p>${LONG_ZH}</p>` +
        `<p>自我限制，还是外部约束？</p><p>${LONG_ZH}</p>` +
        `<p>積分不是代幣，但人們把它當代幣交易</p><p>${LONG_ZH}</p>`,
    );
    expect(outline.map((e) => e.text)).toEqual([
      '共享排序器:解藥還是新的中心?',
      '自我限制，还是外部约束？',
      '積分不是代幣，但人們把它當代幣交易',
    ]);
  });

  it('does not count lead-ins, sentences, meta lines, page lines or bracketed credits', () => {
    const { outline } = outlineOf(
      [
        '具體來說，有三點：',
        '他說，這很重要。',
        '作者：Rowan Lee',
        '第1页',
        '[사진=연합뉴스, 제공]',
        '（圖片來源：某機構）',
      ]
        .map((line) => `<p>${LONG_ZH}</p><p>${line}</p>`)
        .join('') + `<p>${LONG_ZH}</p>`,
    );
    expect(outline).toEqual([]);
  });

  it('does not count a line inside a list item', () => {
    const { outline } = outlineOf(
      `<p>${LONG_ZH}</p><ul><li>第一，成本下降</li></ul><p>${LONG_ZH}</p>`,
    );
    expect(outline).toEqual([]);
  });
});

describe('buildOutline: only the essay', () => {
  const essay = (n: number) => Array.from({ length: n }, () => `<p>${LONG_ZH}</p>`).join('');

  it('leaves out a hot-news box Readability carried along, with its own headings', () => {
    const { outline } = outlineOf(
      `<div class="main"><h2>儲備資產與贖回</h2>${essay(3)}<h2>牌照之外的門檻</h2>${essay(3)}</div>` +
        `<div class="side"><h3>熱點快訊</h3>` +
        `<div><h4>比特幣站上七萬美元</h4><div>成交量同步放大。</div></div>` +
        `<div><h4>以太坊手續費降至低點</h4><div>二層費用大幅下降。</div></div></div>`,
    );
    expect(outline.map((e) => e.text)).toEqual(['儲備資產與贖回', '牌照之外的門檻']);
  });

  it('leaves out a heading of related links, keeps a section of quoted prose', () => {
    const { outline } = outlineOf(
      `<p>${LONG_EN}</p><h4><strong>What the reviews say</strong></h4>` +
        `<blockquote><p>${LONG_EN} ${LONG_EN}</p></blockquote><p>${LONG_EN}</p>` +
        `<h4>More:</h4><ul><li><h4><a href="/a">Another story entirely</a></h4></li></ul>` +
        `<ul><li><h4><a href="/b">Yet another story here</a></h4></li></ul>`,
    );
    expect(outline.map((e) => e.text)).toEqual(['What the reviews say']);
  });

  it('keeps a section outside the main body when it heads prose (an appendix)', () => {
    const { outline } = outlineOf(
      `<div>${essay(6)}</div><section><h2>附錄：數據來源</h2>${essay(1)}</section>`,
    );
    expect(outline.map((e) => e.text)).toEqual(['附錄：數據來源']);
  });
});

describe('buildOutline: the lead under the title is not a section', () => {
  it('leaves out a subtitle heading and a Quick Take box of bullets', () => {
    const { outline } = outlineOf(
      `<h2 class="subheadline">The draft would require monthly attestations from issuers.</h2>` +
        `<div><h3>Quick Take</h3><ul><li>${LONG_EN}</li><li>${LONG_EN}</li></ul></div>` +
        `<p>${LONG_EN}</p><h2>What the rules say</h2><p>${LONG_EN}</p>`,
    );
    expect(outline.map((e) => e.text)).toEqual(['What the rules say']);
  });

  it('keeps a first heading that opens the essay, or opens a subsection', () => {
    expect(
      outlineOf(`<h2>Introduction</h2><p>${LONG_EN}</p><h2>Method</h2><p>${LONG_EN}</p>`).outline
        .length,
    ).toBe(2);
    expect(
      outlineOf(`<h2>Sharing</h2><h3>Setting up</h3><p>${LONG_EN}</p>`).outline.map((e) => e.text),
    ).toEqual(['Sharing', 'Setting up']);
  });
});
