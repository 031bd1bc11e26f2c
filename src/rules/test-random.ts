/** A small seeded generator (mulberry32) for fuzz tests: the same seed gives the same inputs. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ALPHABET = 'abc-_.*/[](){}+?|\\^$ 0123456789"\':,#中文，。：\n\t';

export function randomString(rand: () => number, max = 20): string {
  const n = Math.floor(rand() * max);
  let s = '';
  for (let i = 0; i < n; i++) s += ALPHABET[Math.floor(rand() * ALPHABET.length)];
  return s;
}

const KEYS = [
  'id',
  'match',
  'enabled',
  'article',
  'remove',
  'removeText',
  'title',
  'byline',
  'notes',
  'rules',
  'x',
];

/** A random JSON value, biased toward the shapes of a rules file. */
export function randomJson(rand: () => number, depth = 0): unknown {
  const r = rand();
  if (depth > 4 || r < 0.25) {
    const k = Math.floor(rand() * 6);
    return [null, true, false, Math.floor(rand() * 100) - 50, randomString(rand), ''][k];
  }
  if (r < 0.6) {
    const n = Math.floor(rand() * 5);
    return Array.from({ length: n }, () => randomJson(rand, depth + 1));
  }
  const obj: Record<string, unknown> = {};
  const n = Math.floor(rand() * 6);
  for (let i = 0; i < n; i++) {
    const key = rand() < 0.8 ? KEYS[Math.floor(rand() * KEYS.length)]! : randomString(rand, 6);
    obj[key] = randomJson(rand, depth + 1);
  }
  return obj;
}
