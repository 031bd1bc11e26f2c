import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readability } from '@mozilla/readability';
import { extractArticle } from '../../src/index.js';
import { READABILITY_URL, pickSample } from './evaluate-corpora.js';
import { makeDom } from './run-extractors.js';
import { buildSamplePage } from './sample-page.js';
import { DEFAULT_PAIR, median, timePair, type PairOptions, type PairTiming } from './timing.js';

export interface DocTiming {
  name: string;
  /** HTML size in bytes (UTF-8). */
  bytes: number;
  /** Medians. */
  bareMs: number;
  pipelineMs: number;
  ratio: number;
  /** Fastest runs: less sensitive to other processes on a busy machine than the medians. */
  bareMinMs: number;
  pipelineMinMs: number;
  minRatio: number;
  /** Node only: medians of process CPU time per run (see `PairTiming.bareCpu`). */
  bareCpuMs?: number;
  pipelineCpuMs?: number;
  cpuRatio?: number;
  iterations: number;
}

export interface SampleCheck {
  /** Injected paragraphs the pipeline's text still holds, of all injected. */
  injectedLeft: number;
  injected: number;
  /** Essay paragraphs missing from the pipeline's text, of all essay paragraphs. */
  essayMissing: number;
  essay: number;
}

export interface NodeBenchResult {
  sample: (DocTiming & { scale: number; check: SampleCheck })[];
  /** Pipeline median at the largest scale over the pipeline median at 1×. */
  pipelineScaling: number | null;
  bareScaling: number | null;
  /** The same scaling on CPU-time medians. */
  pipelineCpuScaling: number | null;
  corpus: DocTiming[];
  /** Sum of pipeline medians over sum of bare medians on the corpus pages. */
  corpusRatio: number | null;
  /** The same on CPU-time medians. */
  corpusCpuRatio: number | null;
}

export function mins(
  bare: number[],
  pipeline: number[],
): { bareMinMs: number; pipelineMinMs: number; minRatio: number } {
  const bareMinMs = Math.min(...bare);
  const pipelineMinMs = Math.min(...pipeline);
  return { bareMinMs, pipelineMinMs, minRatio: pipelineMinMs / bareMinMs };
}

function cpu(t: PairTiming): { bareCpuMs: number; pipelineCpuMs: number; cpuRatio: number } {
  return {
    bareCpuMs: median(t.bareCpu),
    pipelineCpuMs: median(t.pipelineCpu),
    cpuRatio: t.cpuRatio,
  };
}

function squash(s: string): string {
  return s.replace(/\s+/g, '');
}

/** What a bare reader does: Readability on a clone, default options, HTML serialized. */
function bare(doc: Document): unknown {
  return new Readability(doc.cloneNode(true) as Document).parse();
}

export function checkSample(
  text: string,
  page: { essay: string[]; injected: string[] },
): SampleCheck {
  const t = squash(text);
  return {
    injectedLeft: page.injected.filter((p) => t.includes(squash(p))).length,
    injected: page.injected.length,
    essayMissing: page.essay.filter((p) => !t.includes(squash(p))).length,
    essay: page.essay.length,
  };
}

export function runNodeBench(options: {
  scales: number[];
  corpusDir?: string;
  corpusPages?: number;
  pair?: PairOptions;
  onProgress?: (msg: string) => void;
}): NodeBenchResult {
  const pair = options.pair ?? DEFAULT_PAIR;
  const sample: NodeBenchResult['sample'] = [];
  for (const scale of options.scales) {
    const page = buildSamplePage(scale);
    const dom = makeDom(page.html, page.url);
    const doc = dom.window.document;
    const article = extractArticle(doc, { url: page.url });
    const t = timePair(
      () => bare(doc),
      () => extractArticle(doc, { url: page.url }),
      pair,
    );
    dom.window.close();
    sample.push({
      name: `sample ${scale}×`,
      scale,
      bytes: Buffer.byteLength(page.html),
      ...mins(t.bare, t.pipeline),
      ...cpu(t),
      bareMs: t.bareMedian,
      pipelineMs: t.pipelineMedian,
      ratio: t.ratio,
      iterations: t.bare.length,
      check: checkSample(article?.textContent ?? '', page),
    });
    options.onProgress?.(`node sample ${scale}×`);
  }
  const first = sample[0];
  const last = sample[sample.length - 1];
  const corpus: DocTiming[] = [];
  if (options.corpusDir && options.corpusPages) {
    const dir = join(options.corpusDir, 'readability');
    const cases = Object.keys(
      (JSON.parse(readFileSync(join(dir, 'cases.json'), 'utf8')) as { cases: object }).cases,
    ).sort();
    for (const id of pickSample(cases, options.corpusPages)) {
      const html = readFileSync(join(dir, id, 'source.html'), 'utf8').trim();
      const dom = makeDom(html, READABILITY_URL, { stripComments: true });
      const doc = dom.window.document;
      const t = timePair(
        () => bare(doc),
        () => extractArticle(doc, { url: READABILITY_URL }),
        { ...pair, budgetMs: pair.budgetMs / 2 },
      );
      dom.window.close();
      corpus.push({
        name: id,
        bytes: Buffer.byteLength(html),
        ...mins(t.bare, t.pipeline),
        ...cpu(t),
        bareMs: t.bareMedian,
        pipelineMs: t.pipelineMedian,
        ratio: t.ratio,
        iterations: t.bare.length,
      });
      options.onProgress?.(`node corpus ${id}`);
    }
  }
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  return {
    sample,
    pipelineScaling: first && last && last !== first ? last.pipelineMs / first.pipelineMs : null,
    bareScaling: first && last && last !== first ? last.bareMs / first.bareMs : null,
    pipelineCpuScaling:
      first && last && last !== first ? last.pipelineCpuMs! / first.pipelineCpuMs! : null,
    corpus,
    corpusRatio: corpus.length
      ? sum(corpus.map((c) => c.pipelineMs)) / sum(corpus.map((c) => c.bareMs))
      : null,
    corpusCpuRatio: corpus.length
      ? sum(corpus.map((c) => c.pipelineCpuMs!)) / sum(corpus.map((c) => c.bareCpuMs!))
      : null,
  };
}
