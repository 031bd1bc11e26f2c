import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { corpusAvailable, evaluateAeb, evaluateReadability } from './lib/evaluate-corpora.js';
import { corpusScores } from './lib/shingle-metric.js';

const corpus = resolve(import.meta.dirname, '../../shared/corpus');
const have = corpusAvailable(corpus);
if (!have)
  console.log(
    `eval.test: skipped, no corpus at ${corpus} (the third-party pages live in ../shared/corpus)`,
  );

/** How far below bare Readability the pipeline's F1 may be on the CI sample. */
const EPSILON = 0.01;

describe.skipIf(!have)('corpus evaluation (sample)', () => {
  it("scores the benchmark's stored Readability.js output at its published 0.944 F1 on the 120 pages", () => {
    const dir = join(corpus, 'aeb');
    const truth = JSON.parse(readFileSync(join(dir, 'ground-truth.json'), 'utf8')) as Record<
      string,
      { articleBody: string }
    >;
    const ref = (
      JSON.parse(readFileSync(join(dir, 'reference-output', 'readability_js.json'), 'utf8')) as {
        output: Record<string, { articleBody: string }>;
      }
    ).output;
    const s = corpusScores(
      Object.keys(truth).map((id) => ({
        truth: truth[id]!.articleBody,
        pred: ref[id]?.articleBody ?? '',
      })),
    );
    expect(s.pages).toBe(120);
    expect(s.f1).toBeCloseTo(0.944, 3);
  });

  it('on 8 benchmark pages: our bare run reproduces the stored output and the pipeline is not worse', () => {
    const r = evaluateAeb(join(corpus, 'aeb'), { sample: 8 });
    console.log(
      `aeb sample: bare F1 ${r.bare.f1.toFixed(4)}, pipeline F1 ${r.pipeline.f1.toFixed(4)}, errors ${r.pipelineErrors.length}`,
    );
    expect(r.pages).toBe(8);
    expect(r.bareMatchesReference).toBeGreaterThanOrEqual(7);
    expect(r.pipelineErrors).toEqual([]);
    expect(r.pipeline.f1).toBeGreaterThanOrEqual(r.bare.f1 - EPSILON);
  }, 180_000);

  it('on 8 Readability test pages: bare Readability reproduces expected.html and the pipeline is not worse', () => {
    const r = evaluateReadability(join(corpus, 'readability'), { sample: 8 });
    console.log(
      `readability sample: bare F1 ${r.bare.f1.toFixed(4)}, pipeline F1 ${r.pipeline.f1.toFixed(4)}, dropped blocks ${r.audit.dropped} (${r.audit.unexplained} unexplained)`,
    );
    expect(r.pages).toBe(8);
    expect(r.bare.f1).toBeGreaterThan(0.99);
    expect(r.pipelineErrors).toEqual([]);
    expect(r.pipeline.f1).toBeGreaterThanOrEqual(r.bare.f1 - EPSILON);
  }, 180_000);
});
