/**
 * The article-extraction-benchmark metric (scrapinghub/article-extraction-benchmark `evaluate.py`),
 * ported exactly:
 * - tokens are Python `re.findall(r'\w+', text, re.UNICODE | re.IGNORECASE | …)`: Unicode letters,
 *   numbers and `_`, case kept (IGNORECASE does not change what `\w` matches; nothing is lowercased);
 *   Python's `\w` does not include combining marks, and neither does `[\p{L}\p{N}_]`;
 * - shingles are 4-token tuples; a text with 1–3 tokens gives one shorter shingle, no tokens none;
 * - per page, tp/fp/fn over the shingle multisets, normalised by their sum (when > 0);
 * - precision is averaged over pages with tp + fp > 0, recall over pages with tp + fn > 0;
 *   F1 = 2PR / (P + R) of the averages; accuracy = the mean of "token sequences identical".
 */

const TOKEN_RE = /[\p{L}\p{N}_]+/gu;

export function tokenize(text: string | null | undefined): string[] {
  return (text ?? '').match(TOKEN_RE) ?? [];
}

/** Shingle key: tokens joined by a separator that no token can contain. */
const SEP = '\u0000';

export function shingles(text: string | null | undefined, n = 4): Map<string, number> {
  const tokens = tokenize(text);
  const counts = new Map<string, number>();
  const last = Math.max(1, tokens.length - n + 1);
  for (let i = 0; i < last; i++) {
    const gram = tokens.slice(i, i + n);
    if (gram.length === 0) continue;
    const key = gram.join(SEP);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

export interface TpFpFn {
  tp: number;
  fp: number;
  fn: number;
}

/** `string_shingle_matching`: tp/fp/fn of the prediction's shingles against the truth's. */
export function shingleMatching(truth: string, pred: string, n = 4): TpFpFn {
  const t = shingles(truth, n);
  const p = shingles(pred, n);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const key of new Set([...t.keys(), ...p.keys()])) {
    const tc = t.get(key) ?? 0;
    const pc = p.get(key) ?? 0;
    tp += Math.min(tc, pc);
    fp += Math.max(0, pc - tc);
    fn += Math.max(0, tc - pc);
  }
  const s = tp + fp + fn;
  return s > 0 ? { tp: tp / s, fp: fp / s, fn: fn / s } : { tp, fp, fn };
}

export function precisionScore({ tp, fp, fn }: TpFpFn): number {
  if (fp === 0 && fn === 0) return 1;
  if (tp === 0 && fp === 0) return 0;
  return tp / (tp + fp);
}

export function recallScore({ tp, fp, fn }: TpFpFn): number {
  if (fp === 0 && fn === 0) return 1;
  if (tp === 0 && fn === 0) return 0;
  return tp / (tp + fn);
}

/** `get_accuracy`: 1 when the token sequences are identical. */
export function tokenAccuracy(truth: string, pred: string): number {
  const a = tokenize(truth);
  const b = tokenize(pred);
  return a.length === b.length && a.every((t, i) => t === b[i]) ? 1 : 0;
}

export interface CorpusScores {
  precision: number;
  recall: number;
  f1: number;
  accuracy: number;
  pages: number;
}

function mean(values: number[]): number {
  return values.length ? values.reduce((a, b) => a + b, 0) / values.length : NaN;
}

/** `metrics_from_tp_fp_fns` plus the accuracy mean. */
export function corpusScores(pages: readonly { truth: string; pred: string }[]): CorpusScores {
  const m = pages.map((p) => shingleMatching(p.truth, p.pred));
  const precision = mean(m.filter((x) => x.tp + x.fp > 0).map(precisionScore));
  const recall = mean(m.filter((x) => x.tp + x.fn > 0).map(recallScore));
  return {
    precision,
    recall,
    f1: (2 * precision * recall) / (precision + recall),
    accuracy: mean(pages.map((p) => tokenAccuracy(p.truth, p.pred))),
    pages: pages.length,
  };
}

/** Per-page precision, recall and F1 (for listing pages where one extractor does worse). */
export function pageScores(
  truth: string,
  pred: string,
): { precision: number; recall: number; f1: number } {
  const m = shingleMatching(truth, pred);
  const precision = precisionScore(m);
  const recall = recallScore(m);
  return {
    precision,
    recall,
    f1: precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0,
  };
}
