/**
 * Corpus evaluation: bare Readability 0.6.0 vs the pipeline on the article-extraction-benchmark
 * pages and Readability's own test pages, with the benchmark's metric, a paragraph-drop audit and
 * every removal listed.
 *
 *   npm run eval -- --corpus ../shared/corpus [--sample N] [--only aeb|readability]
 *                   [--json] [--markdown] [--out report.json] [--update-doc docs/benchmarks.md]
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { corpusAvailable, evaluateCorpora, type CorpusName } from './lib/evaluate-corpora.js';
import { formatEvalReport } from './lib/eval-report.js';
import { updateDocSection } from './lib/update-doc.js';

const { values } = parseArgs({
  options: {
    corpus: { type: 'string', default: '../shared/corpus' },
    sample: { type: 'string' },
    only: { type: 'string' },
    json: { type: 'boolean', default: false },
    markdown: { type: 'boolean', default: false },
    out: { type: 'string' },
    'update-doc': { type: 'string' },
    help: { type: 'boolean', short: 'h', default: false },
  },
});

if (values.help) {
  console.log(
    'usage: npm run eval -- --corpus ../shared/corpus [--sample N] [--only aeb|readability] [--json] [--markdown] [--out file.json] [--update-doc docs/benchmarks.md]',
  );
  process.exit(0);
}

const corpus = values.corpus;
if (!corpusAvailable(corpus)) {
  console.error(
    `eval: no corpus at ${corpus} (expected aeb/ground-truth.json and readability/cases.json)`,
  );
  process.exit(2);
}
const sample = values.sample ? Number(values.sample) : undefined;
if (sample !== undefined && !(Number.isInteger(sample) && sample > 0)) {
  console.error(`eval: --sample wants a positive integer, got ${values.sample}`);
  process.exit(2);
}
const only = values.only as CorpusName | undefined;
if (only && only !== 'aeb' && only !== 'readability') {
  console.error(`eval: --only wants aeb or readability, got ${only}`);
  process.exit(2);
}

const started = performance.now();
const report = evaluateCorpora({
  corpus,
  sample,
  only,
  onProgress: (name, done, total) => {
    if (process.stderr.isTTY) process.stderr.write(`\r${name} ${done}/${total}   `);
    else if (done % 20 === 0 || done === total) process.stderr.write(`${name} ${done}/${total}\n`);
  },
});
if (process.stderr.isTTY) process.stderr.write('\n');

if (values.out) writeFileSync(values.out, JSON.stringify(report, null, 2));
if (values['update-doc']) {
  const cmd = `npm run eval -- --corpus ${corpus}${sample ? ` --sample ${sample}` : ''}${only ? ` --only ${only}` : ''}`;
  await updateDocSection(
    values['update-doc'],
    'eval',
    `Run ${report.date} with \`${cmd}\`.\n\n${formatEvalReport(report, true, 40)}`,
  );
  console.error(`eval: updated the eval section of ${values['update-doc']}`);
}
if (values.json) {
  console.log(JSON.stringify(report, null, 2));
} else {
  console.log(formatEvalReport(report, values.markdown));
  console.log(
    `\n(${((performance.now() - started) / 1000).toFixed(1)} s${values.out ? `; full report in ${values.out}` : ''})`,
  );
}
