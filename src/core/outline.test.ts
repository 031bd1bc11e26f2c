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
