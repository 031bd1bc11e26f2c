import { JSDOM } from 'jsdom';
import { describe, expect, it, vi } from 'vitest';
import { buildReadAloudControls } from './read-aloud-controls.js';
import { englishReader } from './reader-strings.js';
import { FakeSynth, FakeUtterance, voice } from './test-support/fake-speech.js';

function setup(voices = [voice('zh-TW', 'Mei-Jia'), voice('zh-CN', 'Ting-Ting'), voice('en-US')]) {
  const win = new JSDOM('<!doctype html><body><div class="cr-content"></div></body>').window;
  const doc = win.document;
  const content = doc.querySelector<HTMLElement>('.cr-content')!;
  for (const text of ['第一段。', '第二段。']) {
    const p = doc.createElement('p');
    p.textContent = text;
    content.append(p);
  }
  const synth = new FakeSynth(voices);
  Object.assign(win, { speechSynthesis: synth, SpeechSynthesisUtterance: FakeUtterance });
  const saved: unknown[] = [];
  const controls = buildReadAloudControls({
    doc,
    t: englishReader,
    content,
    lang: 'zh-Hant',
    uiLang: 'en',
    voiceURI: null,
    rate: 1,
    onSettingsChange: (s) => saved.push(s),
  });
  doc.body.append(controls.root);
  const q = <T extends Element>(s: string) => controls.root.querySelector<T>(s)!;
  return {
    win,
    content,
    synth,
    controls,
    saved,
    play: q<HTMLButtonElement>('.cr-ra-play'),
    stop: q<HTMLButtonElement>('.cr-ra-stop'),
    select: q<HTMLSelectElement>('.cr-ra-voice'),
    rate: q<HTMLInputElement>('.cr-ra-rate'),
    status: q<HTMLElement>('[role=status]'),
  };
}

const settle = () => new Promise((r) => setTimeout(r, 0));

describe('read-aloud controls', () => {
  it('plays, highlights the paragraph read, pauses and stops', async () => {
    const { controls, play, stop, synth, content } = setup();
    expect(controls.root.dataset.testid).toBe('reader-read-aloud');
    expect(stop.disabled).toBe(true);
    play.click();
    // The first play loads the speech module.
    await vi.waitFor(() => expect(synth.spoken.map((u) => u.text)).toEqual(['第一段。']));
    const [p1, p2] = content.querySelectorAll('p');
    expect(p1!.classList.contains('cr-reading')).toBe(true);
    expect(play.getAttribute('aria-pressed')).toBe('true');
    expect(play.textContent).toBe('Pause');
    synth.finish();
    expect(p1!.classList.contains('cr-reading')).toBe(false);
    expect(p2!.classList.contains('cr-reading')).toBe(true);
    play.click();
    await settle();
    expect(play.textContent).toBe('Resume');
    stop.click();
    expect(play.textContent).toBe('Play');
    expect(content.querySelector('.cr-reading')).toBeNull();
  });

  it('lists the voices for the language after the first play and saves a choice', async () => {
    const { play, select, synth, saved } = setup();
    play.click();
    await vi.waitFor(() => expect(select.options.length).toBe(3));
    expect([...select.options].map((o) => o.textContent)).toEqual([
      'Default voice for the language',
      'Mei-Jia (zh-TW)',
      'Ting-Ting (zh-CN)',
    ]);
    select.value = 'uri:Ting-Ting';
    select.dispatchEvent(new select.ownerDocument.defaultView!.Event('change'));
    expect(saved).toEqual([{ readAloudVoice: 'uri:Ting-Ting', readAloudRate: 1 }]);
    expect(synth.spoken[synth.spoken.length - 1]!.voice?.name).toBe('Ting-Ting');
  });

  it('says in words that there is no voice for the language', async () => {
    const { play, status, synth } = setup([voice('en-US')]);
    play.click();
    await vi.waitFor(() => expect(status.textContent).not.toBe(''), { timeout: 3000 });
    expect(synth.spoken).toHaveLength(0);
    expect(status.textContent).toMatch(/^This browser has no voice for Chinese \(Taiwan\)\./);
  });

  it('stops when the reader closes', async () => {
    const { controls, play, synth } = setup();
    play.click();
    await vi.waitFor(() => expect(synth.spoken).toHaveLength(1));
    const before = synth.cancels;
    controls.stop();
    expect(synth.cancels).toBeGreaterThan(before);
    synth.finish();
    expect(synth.spoken).toHaveLength(1);
  });

  it('saves the speed and applies it at once', async () => {
    const { play, rate, synth, saved } = setup();
    play.click();
    await vi.waitFor(() => expect(synth.spoken).toHaveLength(1));
    rate.value = '1.5';
    rate.dispatchEvent(new rate.ownerDocument.defaultView!.Event('change'));
    expect(saved).toEqual([{ readAloudVoice: null, readAloudRate: 1.5 }]);
    expect(synth.spoken[synth.spoken.length - 1]!.rate).toBe(1.5);
  });

  it('says so in a browser without speech', async () => {
    const { win, play, status } = setup();
    Object.assign(win, { speechSynthesis: undefined });
    play.click();
    await vi.waitFor(() => expect(status.textContent).toBe('This browser cannot read aloud.'));
  });
});
