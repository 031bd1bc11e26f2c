import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import type { Removal } from '../../src/index.js';
import { auditBlocks, findDroppedBlocks, type DroppedBlock } from './drop-audit.js';
import { makeDom, runBare, runPipeline } from './run-extractors.js';
import { corpusScores, pageScores, tokenize, type CorpusScores } from './shingle-metric.js';

/** The URL the article-extraction-benchmark's Readability.js run gave jsdom. */
export const AEB_URL = 'https://fake-url.com';
/** The URL Readability's own test harness gives jsdom. */
export const READABILITY_URL = 'http://fakehost/test/page.html';

export type CorpusName = 'aeb' | 'readability';

export interface EvalOptions {
  /** Folder holding `aeb/` and `readability/` (`../shared/corpus`). */
  corpus: string;
  /** Evaluate only N pages of each corpus, evenly spaced over the sorted ids. */
  sample?: number;
  only?: CorpusName;
  onProgress?: (corpus: CorpusName, done: number, total: number) => void;
}

export interface RemovalRow {
  page: string;
  id: string;
  kind: string;
  rule: string;
  text: string;
}

export interface PageComparison {
  page: string;
  url: string;
  bare: { precision: number; recall: number; f1: number };
  pipeline: { precision: number; recall: number; f1: number };
  pipelineError: string | null;
  /** extractArticle returned null (no article) without throwing. */
  noArticle: boolean;
  removals: number;
}

export interface CorpusReport {
  corpus: CorpusName;
  pages: number;
  bare: CorpusScores;
  pipeline: CorpusScores;
  /** Pages where the pipeline's per-page F1 is below bare Readability's, worst first. */
  worse: PageComparison[];
  /** Pages where it is above. */
  better: number;
  pipelineErrors: { page: string; error: string }[];
  /**
   * Pages where the pipeline's text lacks part of bare Readability's text, whatever the markup
   * (the paragraph audit only sees p/li/h/pre/blockquote): the benchmark metric with bare
   * Readability's output as the truth, recall < 0.999.
   */
  lostVsBare: { page: string; recallVsBare: number; precisionVsBare: number; removals: number }[];
  removals: RemovalRow[];
  perPage: PageComparison[];
}

export interface AebReport extends CorpusReport {
  corpus: 'aeb';
  /** The benchmark's stored Readability.js output, scored on the same pages (harness check). */
  reference: CorpusScores;
  /** Our bare Readability run against the stored output: pages whose token sequences are equal. */
  bareMatchesReference: number;
}

export interface DropAudit {
  /** Blocks (p, li, h1-h6, pre, blockquote) of bare Readability's article that the pipeline lacks. */
  dropped: number;
  explained: number;
  unexplained: number;
  casesWithDrops: number;
  /** Dropped blocks on pages where the pipeline returned no article. */
  noArticle: number;
  /** Dropped headings equal to the article's title (shown as the title, not lost). */
  asTitle: number;
  examples: (DroppedBlock & {
    page: string;
    why: 'removal' | 'title' | 'unexplained' | 'no article' | 'pipeline error';
  })[];
}

export interface ReadabilityReport extends CorpusReport {
  corpus: 'readability';
  audit: DropAudit;
}

export interface EvalReport {
  corpusDir: string;
  date: string;
  aeb?: AebReport;
  readability?: ReadabilityReport;
}

/** `n` ids spread evenly over `ids` (all of them when n is absent or ≥ the count). */
export function pickSample<T>(ids: readonly T[], n?: number): T[] {
  if (!n || n >= ids.length) return [...ids];
  const out: T[] = [];
  for (let i = 0; i < n; i++) out.push(ids[Math.floor((i * ids.length) / n)]!);
  return out;
}

function readJson<T>(path: string): T {
  return JSON.parse(readFileSync(path, 'utf8')) as T;
}

function removalRows(page: string, removed: readonly Removal[]): RemovalRow[] {
  return removed.map((r) => ({ page, id: r.id, kind: r.kind, rule: r.rule, text: r.text }));
}

function summarize(
  corpus: CorpusName,
  rows: {
    page: string;
    url: string;
    truth: string;
    bare: string;
    pipe: string;
    error: string | null;
    noArticle: boolean;
    removed: readonly Removal[];
  }[],
): CorpusReport {
  const perPage: PageComparison[] = rows.map((r) => ({
    page: r.page,
    url: r.url,
    bare: pageScores(r.truth, r.bare),
    pipeline: pageScores(r.truth, r.pipe),
    pipelineError: r.error,
    noArticle: r.noArticle,
    removals: r.removed.length,
  }));
  const eps = 1e-9;
  return {
    corpus,
    pages: rows.length,
    bare: corpusScores(rows.map((r) => ({ truth: r.truth, pred: r.bare }))),
    pipeline: corpusScores(rows.map((r) => ({ truth: r.truth, pred: r.pipe }))),
    worse: perPage
      .filter((p) => p.pipeline.f1 < p.bare.f1 - eps)
      .sort((a, b) => a.pipeline.f1 - a.bare.f1 - (b.pipeline.f1 - b.bare.f1)),
    better: perPage.filter((p) => p.pipeline.f1 > p.bare.f1 + eps).length,
    pipelineErrors: rows.filter((r) => r.error).map((r) => ({ page: r.page, error: r.error! })),
    lostVsBare: rows
      .map((r) => {
        const v = pageScores(r.bare, r.pipe);
        return {
          page: r.page,
          recallVsBare: v.recall,
          precisionVsBare: v.precision,
          removals: r.removed.length,
        };
      })
      .filter((x) => x.recallVsBare < 0.999)
      .sort((a, b) => a.recallVsBare - b.recallVsBare),
    removals: rows.flatMap((r) => removalRows(r.page, r.removed)),
    perPage,
  };
}

export function evaluateAeb(
  dir: string,
  opts: Omit<EvalOptions, 'corpus' | 'only'> = {},
): AebReport {
  const truth = readJson<Record<string, { articleBody?: string; url?: string }>>(
    join(dir, 'ground-truth.json'),
  );
  const reference = readJson<{ output: Record<string, { articleBody?: string }> }>(
    join(dir, 'reference-output', 'readability_js.json'),
  ).output;
  const ids = pickSample(Object.keys(truth).sort(), opts.sample);
  const rows = [];
  let bareMatchesReference = 0;
  for (const [i, id] of ids.entries()) {
    const html = readFileSync(join(dir, 'html', `${id}.html`), 'utf8');
    const dom = makeDom(html, AEB_URL);
    const doc = dom.window.document;
    const bare = runBare(doc).textContent ?? '';
    const { article, error } = runPipeline(doc, AEB_URL);
    dom.window.close();
    const ref = reference[id]?.articleBody ?? '';
    if (tokenize(ref).join(' ') === tokenize(bare).join(' ')) bareMatchesReference++;
    rows.push({
      page: id,
      url: truth[id]?.url ?? '',
      truth: truth[id]?.articleBody ?? '',
      bare,
      pipe: article?.textContent ?? '',
      error,
      noArticle: !error && !article,
      removed: article?.removed ?? [],
    });
    opts.onProgress?.('aeb', i + 1, ids.length);
  }
  return {
    ...summarize('aeb', rows),
    corpus: 'aeb',
    reference: corpusScores(
      ids.map((id) => ({
        truth: truth[id]?.articleBody ?? '',
        pred: reference[id]?.articleBody ?? '',
      })),
    ),
    bareMatchesReference,
  };
}

export function evaluateReadability(
  dir: string,
  opts: Omit<EvalOptions, 'corpus' | 'only'> = {},
): ReadabilityReport {
  const manifest = readJson<{ cases: Record<string, unknown> }>(join(dir, 'cases.json'));
  const ids = pickSample(Object.keys(manifest.cases).sort(), opts.sample);
  const rows = [];
  const examples: DropAudit['examples'] = [];
  for (const [i, id] of ids.entries()) {
    const source = readFileSync(join(dir, id, 'source.html'), 'utf8').trim();
    const expectedHtml = readFileSync(join(dir, id, 'expected.html'), 'utf8').trim();
    const expected = JSDOM.fragment(expectedHtml).textContent ?? '';
    const dom = makeDom(source, READABILITY_URL, { stripComments: true });
    const doc = dom.window.document;
    const bare = runBare(doc, ['caption']);
    const { article, error } = runPipeline(doc, READABILITY_URL);
    const blocks = bare.content ? auditBlocks(bare.content) : [];
    dom.window.close();
    for (const d of findDroppedBlocks(
      blocks,
      article?.textContent ?? null,
      article?.removed ?? [],
      article?.title ?? null,
    )) {
      examples.push({
        page: id,
        ...d,
        why: d.removal
          ? 'removal'
          : d.isTitle
            ? 'title'
            : error
              ? 'pipeline error'
              : article
                ? 'unexplained'
                : 'no article',
      });
    }
    rows.push({
      page: id,
      url: READABILITY_URL,
      truth: expected,
      bare: bare.textContent ?? '',
      pipe: article?.textContent ?? '',
      error,
      noArticle: !error && !article,
      removed: article?.removed ?? [],
    });
    opts.onProgress?.('readability', i + 1, ids.length);
  }
  const explained = examples.filter((e) => e.why === 'removal').length;
  const noArticle = examples.filter((e) => e.why === 'no article').length;
  const asTitle = examples.filter((e) => e.why === 'title').length;
  return {
    ...summarize('readability', rows),
    corpus: 'readability',
    audit: {
      dropped: examples.length,
      explained,
      unexplained: examples.length - explained - noArticle - asTitle,
      noArticle,
      asTitle,
      casesWithDrops: new Set(examples.map((e) => e.page)).size,
      examples,
    },
  };
}

export function corpusAvailable(corpusDir: string): boolean {
  return (
    existsSync(join(corpusDir, 'aeb', 'ground-truth.json')) &&
    existsSync(join(corpusDir, 'readability', 'cases.json'))
  );
}

export function evaluateCorpora(opts: EvalOptions): EvalReport {
  const report: EvalReport = { corpusDir: opts.corpus, date: new Date().toISOString() };
  const sub = { sample: opts.sample, onProgress: opts.onProgress };
  if (opts.only !== 'readability') report.aeb = evaluateAeb(join(opts.corpus, 'aeb'), sub);
  if (opts.only !== 'aeb')
    report.readability = evaluateReadability(join(opts.corpus, 'readability'), sub);
  return report;
}
