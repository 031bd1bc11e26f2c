/**
 * A stand-in for the Web Speech API in unit tests: records what is spoken, in order; the test
 * ends utterances one by one (`finish`) or fails them, as an engine would.
 */
export type Voice = Pick<SpeechSynthesisVoice, 'voiceURI' | 'name' | 'lang' | 'default'>;
export const voice = (lang: string, name = lang, isDefault = false): Voice => ({
  voiceURI: `uri:${name}`,
  name,
  lang,
  default: isDefault,
});

export class FakeUtterance {
  lang = '';
  rate = 1;
  voice: Voice | null = null;
  onstart: (() => void) | null = null;
  onend: (() => void) | null = null;
  onerror: ((e: { error: string }) => void) | null = null;
  constructor(readonly text: string) {}
}

export class FakeSynth {
  spoken: FakeUtterance[] = [];
  queue: FakeUtterance[] = [];
  cancels = 0;
  listeners: (() => void)[] = [];
  constructor(public voices: Voice[]) {}
  getVoices() {
    return this.voices;
  }
  speak(u: FakeUtterance) {
    this.spoken.push(u);
    this.queue.push(u);
    if (this.queue.length === 1) u.onstart?.();
  }
  cancel() {
    this.cancels++;
    const q = this.queue;
    this.queue = [];
    for (const u of q) u.onerror?.({ error: 'interrupted' });
  }
  /** The engine finishes the utterance it is speaking. */
  finish() {
    const u = this.queue.shift();
    u?.onend?.();
    this.queue[0]?.onstart?.();
  }
  fail(error: string) {
    const u = this.queue.shift();
    u?.onerror?.({ error });
  }
  addEventListener(_type: string, f: () => void) {
    this.listeners.push(f);
  }
  removeEventListener(_type: string, f: () => void) {
    this.listeners = this.listeners.filter((x) => x !== f);
  }
}
