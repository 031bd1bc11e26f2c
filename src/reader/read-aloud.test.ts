import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import {
  createReadAloud,
  languageName,
  paragraphsToRead,
  pickVoice,
  ReadAloudError,
  speechLang,
  splitForSpeech,
  voicesFor,
} from './read-aloud.js';
import { FakeSynth, FakeUtterance, voice, type Voice } from './test-support/fake-speech.js';

function page(html: string): HTMLElement {
  // Test input only.
  const doc = new JSDOM(`<!doctype html><body><div id="c">${html}</div></body>`).window.document;
  return doc.getElementById('c')!;
}

const ESSAY =
  '<h2>第一节</h2><p>比特币上涨。以太坊下跌。</p>' +
  '<div data-cr-removed="r1" hidden=""><p>快讯不读</p></div>' +
  '<ul><li><p>列表一</p></li><li>列表二</li></ul><p>  </p><p>最后一段!</p>';

function setup(
  voices: Voice[] = [voice('zh-CN'), voice('zh-TW'), voice('en-US')],
  lang = 'zh-Hant',
) {
  const synth = new FakeSynth(voices);
  const content = page(ESSAY);
  const seen: (string | null)[] = [];
  const states: string[] = [];
  const errors: ReadAloudError[] = [];
  const reader = createReadAloud(content, {
    synth: synth as unknown as SpeechSynthesis,
    Utterance: FakeUtterance as unknown as typeof SpeechSynthesisUtterance,
    lang,
    onParagraph: (el) => seen.push(el ? el.textContent : null),
    onState: (s) => states.push(s),
    onError: (e) => errors.push(e),
    voicesTimeoutMs: 20,
  });
  return { synth, content, reader, seen, states, errors };
}

describe('read aloud', () => {
  it('reads paragraph by paragraph, in order, in the language’s voice, reporting each', async () => {
    const { synth, reader, seen, states } = setup();
    await reader.play();
    expect(reader.state).toBe('playing');
    // One utterance at a time.
    expect(synth.spoken.map((u) => u.text)).toEqual(['第一节']);
    while (synth.queue.length) synth.finish();
    expect(synth.spoken.map((u) => u.text)).toEqual([
      '第一节',
      '比特币上涨。以太坊下跌。',
      '列表一',
      '列表二',
      '最后一段!',
    ]);
    expect(synth.spoken.every((u) => u.voice?.lang === 'zh-TW' && u.lang === 'zh-TW')).toBe(true);
    expect(seen).toEqual([
      '第一节',
      '比特币上涨。以太坊下跌。',
      '列表一',
      '列表二',
      '最后一段!',
      null,
    ]);
    expect(states).toEqual(['playing', 'idle']);
  });

  it('pauses, resumes the same chunk, and stops', async () => {
    const { synth, reader, seen, states } = setup();
    await reader.play();
    synth.finish();
    reader.pause();
    expect(reader.state).toBe('paused');
    expect(synth.queue).toHaveLength(0);
    await reader.play();
    expect(synth.spoken.map((u) => u.text)).toEqual([
      '第一节',
      '比特币上涨。以太坊下跌。',
      '比特币上涨。以太坊下跌。',
    ]);
    reader.stop();
    expect(reader.state).toBe('idle');
    expect(seen[seen.length - 1]).toBeNull();
    // Nothing more is spoken after stop, even if the engine fires late.
    synth.finish();
    expect(synth.spoken).toHaveLength(3);
    expect(states).toEqual(['playing', 'paused', 'playing', 'idle']);
  });

  it('starts from a given paragraph and applies the rate at once', async () => {
    const { synth, content, reader } = setup();
    await reader.play(content.querySelectorAll('li')[1]!);
    expect(synth.spoken.map((u) => u.text)).toEqual(['列表二']);
    reader.setRate(5);
    expect(synth.spoken.map((u) => [u.text, u.rate])).toEqual([
      ['列表二', 1],
      ['列表二', 2],
    ]);
  });

  it("uses the user's voice when it is installed", async () => {
    const { synth, reader } = setup([voice('zh-TW', 'A'), voice('zh-TW', 'B')]);
    reader.setVoice('uri:B');
    await reader.play();
    expect(synth.spoken[0]!.voice?.name).toBe('B');
  });

  it('rejects with a clear error when no voice reads the language, or no engine exists', async () => {
    const { reader, synth } = setup([voice('en-US'), voice('ja-JP')], 'zh-Hans');
    const err = await reader.play().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ReadAloudError);
    expect((err as ReadAloudError).code).toBe('no-voice');
    expect((err as ReadAloudError).lang).toBe('zh-CN');
    expect(synth.spoken).toHaveLength(0);
    expect(reader.state).toBe('idle');
    const none = createReadAloud(page('<p>x</p>'), {
      synth: undefined,
      Utterance: undefined,
      lang: 'en',
    });
    await expect(none.play()).rejects.toMatchObject({ code: 'unsupported' });
  });

  it('waits for a voice list that arrives late (Chrome)', async () => {
    const { synth, reader } = setup([]);
    const playing = reader.play();
    synth.voices = [voice('zh-TW')];
    for (const f of synth.listeners) f();
    await playing;
    expect(synth.spoken[0]!.voice?.lang).toBe('zh-TW');
  });

  it('reports an engine failure and stops', async () => {
    const { synth, reader, errors } = setup();
    await reader.play();
    synth.fail('synthesis-failed');
    expect(errors.map((e) => e.code)).toEqual(['synthesis']);
    expect(reader.state).toBe('idle');
  });
});

describe('voices', () => {
  const all = [
    voice('en-GB'),
    voice('zh-HK'),
    voice('zh_CN', 'android-cn'),
    voice('cmn-Hant-TW', 'android-tw'),
    voice('en-US', 'us', true),
  ];

  it('maps article tags to speech tags', () => {
    expect(speechLang('zh-Hant')).toBe('zh-TW');
    expect(speechLang('zh-Hans')).toBe('zh-CN');
    expect(speechLang('zh')).toBe('zh-CN');
    expect(speechLang('zh-HK')).toBe('zh-HK');
    expect(speechLang('en')).toBe('en');
    expect(speechLang('en-gb')).toBe('en-GB');
    expect(speechLang(null)).toBe('en-US');
  });

  it('ranks the region first, Taiwan for Traditional, and other regions after', () => {
    expect(voicesFor(all, 'zh-Hant').map((v) => v.name)).toEqual([
      'android-tw',
      'zh-HK',
      'android-cn',
    ]);
    expect(voicesFor(all, 'zh-Hans').map((v) => v.name)).toEqual([
      'android-cn',
      'android-tw',
      'zh-HK',
    ]);
    expect(voicesFor(all, 'en-GB').map((v) => v.name)).toEqual(['en-GB', 'us']);
    expect(voicesFor(all, 'en').map((v) => v.name)).toEqual(['us', 'en-GB']);
    expect(pickVoice(all, 'ja')).toBeNull();
    expect(pickVoice(all, 'zh-Hant', 'uri:missing')?.name).toBe('android-tw');
  });

  it('names the language in the UI language', () => {
    expect(languageName('zh-TW', 'en')).toMatch(/Chinese/);
    expect(languageName('zh-TW', 'zh-TW')).toMatch(/中文/);
  });
});

describe('splitForSpeech', () => {
  it('keeps a short paragraph whole', () => {
    expect(splitForSpeech('  比特币上涨。 ')).toEqual(['比特币上涨。']);
  });

  it('cuts long CJK text at sentence ends, keeping closing quotes with their sentence', () => {
    const s = '他说：「比特币会涨。」'.padEnd(30, '很') + '。';
    const chunks = splitForSpeech(`${s}${s}${s}`);
    expect(chunks.length).toBeGreaterThan(1);
    expect(chunks.every((c) => c.length <= 60)).toBe(true);
    expect(chunks.join('')).toBe(`${s}${s}${s}`);
    expect(chunks.some((c) => c.startsWith('」'))).toBe(false);
  });

  it('cuts long English text at sentence ends, then clauses, then hard', () => {
    const sentence = 'The network upgrade starts next week after the audit is done. ';
    const chunks = splitForSpeech(sentence.repeat(8));
    expect(chunks.every((c) => c.length <= 200)).toBe(true);
    expect(chunks.every((c) => c.endsWith('done.'))).toBe(true);
    const clause = splitForSpeech(`${'word '.repeat(30)}, ${'more '.repeat(30)}`, 100);
    expect(clause.every((c) => c.length <= 100)).toBe(true);
    expect(splitForSpeech('x'.repeat(250), 100).map((c) => c.length)).toEqual([100, 100, 50]);
  });
});

describe('paragraphsToRead', () => {
  it('skips removed, hidden and empty blocks and reads nested blocks once', () => {
    const els = paragraphsToRead(page(ESSAY));
    expect(els.map((e) => e.tagName)).toEqual(['H2', 'P', 'LI', 'LI', 'P']);
  });
});
