import type { CorpusScores } from './shingle-metric.js';
import type { CorpusReport, EvalReport, RemovalRow } from './evaluate-corpora.js';
import { clip, fixed, formatTable } from './format-table.js';

function scoreRow(name: string, s: CorpusScores): (string | number)[] {
  return [name, fixed(s.precision), fixed(s.recall), fixed(s.f1), fixed(s.accuracy)];
}

const SCORE_HEADERS = ['extractor', 'precision', 'recall', 'F1', 'accuracy'];

function shortId(id: string): string {
  return /^[0-9a-f]{64}$/.test(id) ? id.slice(0, 12) : id;
}

function worseTable(r: CorpusReport, md: boolean): string {
  if (r.worse.length === 0) return 'Pages where the pipeline is worse: none.';
  return [
    `Pages where the pipeline is worse than bare Readability (${r.worse.length}; better on ${r.better}):`,
    formatTable(
      ['page', 'bare P', 'bare R', 'pipe P', 'pipe R', 'ΔF1', 'removals', 'url'],
      r.worse.map((p) => [
        shortId(p.page),
        fixed(p.bare.precision),
        fixed(p.bare.recall),
        fixed(p.pipeline.precision),
        fixed(p.pipeline.recall),
        fixed(p.pipeline.f1 - p.bare.f1),
        p.removals,
        p.pipelineError
          ? `ERROR ${p.pipelineError}`
          : p.noArticle
            ? `NO ARTICLE (extractArticle returned null) ${p.url}`
            : p.url,
      ]),
      md,
    ),
  ].join('\n');
}

function lostTable(r: CorpusReport, md: boolean): string {
  if (r.lostVsBare.length === 0)
    return 'Text of bare Readability missing from the pipeline (token recall vs bare < 0.999): no page.';
  return [
    `Text of bare Readability missing from the pipeline (token recall vs bare < 0.999) on ${r.lostVsBare.length} pages:`,
    formatTable(
      ['page', 'recall vs bare', 'precision vs bare', 'removals'],
      r.lostVsBare.map((x) => [
        shortId(x.page),
        fixed(x.recallVsBare),
        fixed(x.precisionVsBare),
        x.removals,
      ]),
      md,
    ),
  ].join('\n');
}

/** Cuts a long list for the docs; the JSON report (`--out`) always has all of it. */
function limit<T>(rows: readonly T[], max: number): { rows: readonly T[]; more: string } {
  if (rows.length <= max) return { rows, more: '' };
  return {
    rows: rows.slice(0, max),
    more: `\n… and ${rows.length - max} more (all of them in the --out JSON report).`,
  };
}

function removalsTable(rows: readonly RemovalRow[], md: boolean, max = Infinity): string {
  if (rows.length === 0) return 'Removals by the pipeline: none.';
  const pages = new Set(rows.map((r) => r.page)).size;
  const byKind = new Map<string, number>();
  for (const r of rows) byKind.set(r.kind, (byKind.get(r.kind) ?? 0) + 1);
  return [
    `Removals by the pipeline (${rows.length} on ${pages} pages; ${[...byKind].map(([k, n]) => `${k} ${n}`).join(', ')}):`,
    formatTable(
      ['page', 'id', 'kind', 'rule', 'text (first 120 chars)'],
      limit(rows, max).rows.map((r) => [shortId(r.page), r.id, r.kind, r.rule, clip(r.text)]),
      md,
    ) + limit(rows, max).more,
  ].join('\n');
}

/** The human-readable evaluation report (`--markdown` for the docs). */
export function formatEvalReport(report: EvalReport, md = false, maxRows = Infinity): string {
  const h = (s: string) => (md ? `### ${s}` : `== ${s} ==`);
  const out: string[] = [];
  const a = report.aeb;
  if (a) {
    out.push(
      h(
        `article-extraction-benchmark: ${a.pages} pages (jsdom url https://fake-url.com, textContent)`,
      ),
      formatTable(
        SCORE_HEADERS,
        [
          scoreRow('bare Readability 0.6.0', a.bare),
          scoreRow('pipeline (extractArticle)', a.pipeline),
          scoreRow('stored reference readability_js.json', a.reference),
        ],
        md,
      ),
      `Harness check: the stored reference output scores F1 ${fixed(a.reference.f1, 4)} on these pages; our bare run has the same tokens as it on ${a.bareMatchesReference}/${a.pages} pages.`,
      `Pipeline − bare: F1 ${signed(a.pipeline.f1 - a.bare.f1)}, precision ${signed(a.pipeline.precision - a.bare.precision)}, recall ${signed(a.pipeline.recall - a.bare.recall)}. Target "F1 at least bare Readability's": ${a.pipeline.f1 >= a.bare.f1 ? 'met' : `MISSED by ${(a.bare.f1 - a.pipeline.f1).toFixed(4)}`}; best published figure 0.970: ${a.pipeline.f1 >= 0.97 ? 'reached' : 'not reached'}.`,
      worseTable(a, md),
      lostTable(a, md),
      errors(a),
      removalsTable(a.removals, md, maxRows),
      '',
    );
  }
  const r = report.readability;
  if (r) {
    out.push(
      h(
        `Readability test pages: ${r.pages} cases (jsdom url http://fakehost/test/page.html, scored against expected.html)`,
      ),
      formatTable(
        SCORE_HEADERS,
        [
          scoreRow('bare Readability 0.6.0', r.bare),
          scoreRow('pipeline (extractArticle)', r.pipeline),
        ],
        md,
      ),
      `Pipeline − bare: F1 ${signed(r.pipeline.f1 - r.bare.f1)}.`,
      worseTable(r, md),
      lostTable(r, md),
      errors(r),
      '',
      h('Paragraph-drop audit (blocks bare Readability keeps that the pipeline lacks)'),
      `${r.audit.dropped} blocks on ${r.audit.casesWithDrops} cases: ${r.audit.explained} named by a removal, ${r.audit.asTitle} headings equal to the article title (shown as the title), ${r.audit.noArticle} on pages where the pipeline found no article, ${r.audit.unexplained} unexplained. Target "zero removals of real content": every named removal must be junk (read the list); unexplained drops and no-article pages are misses.`,
      r.audit.examples.length
        ? formatTable(
            ['case', 'block (first 120 chars)', 'removal kind', 'rule'],
            limit(r.audit.examples, maxRows).rows.map((e) => [
              e.page,
              clip(e.text),
              e.removal?.kind ?? e.why.toUpperCase(),
              e.removal?.rule ?? '',
            ]),
            md,
          ) + limit(r.audit.examples, maxRows).more
        : '',
      removalsTable(r.removals, md, maxRows),
    );
  }
  return out.filter((s) => s !== '').join('\n\n');
}

function errors(r: CorpusReport): string {
  if (!r.pipelineErrors.length) return '';
  return `Pipeline threw on ${r.pipelineErrors.length} pages:\n${r.pipelineErrors.map((e) => `  ${shortId(e.page)}: ${e.error}`).join('\n')}`;
}

function signed(n: number): string {
  return `${n >= 0 ? '+' : ''}${n.toFixed(4)}`;
}
