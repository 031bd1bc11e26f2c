/**
 * Runs the open benchmark in both browsers: first open and reopen against the bare reader, the
 * 50,000-paragraph page, and worst-case user patterns (Chromium). Each browser and each part
 * fails on its own: a failure is reported in its place and the rest still runs.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { chromiumPath } from '../../../e2e/lib/chromium.js';
import { firefoxPath } from '../../../e2e/lib/firefox.js';
import { buildBareReader } from '../../bare-reader/build-bare-reader.js';
import { buildSamplePage } from '../sample-page.js';
import {
  BIG_SNIPPET,
  buildBigPage,
  buildPatternPage,
  PATTERN_CASES,
  patternVerdicts,
} from './bench-pages.js';
import { launchChromiumOpen } from './chromium-open.js';
import { launchFirefoxOpen } from './firefox-open.js';
import {
  bigPage,
  compareOpens,
  worstCasePatterns,
  type BigPageResult,
  type OpenCompare,
  type PatternResult,
} from './open-bench.js';
import { servePages } from './serve-pages.js';

export type Part<T> = T | { skipped: string };

export interface OpenReport {
  browsers: { name: string; version: string | null }[];
  compare: Part<OpenCompare>[];
  big: Part<BigPageResult>[];
  patterns: Part<PatternResult>;
  patternVerdicts: ReturnType<typeof patternVerdicts>;
}

export interface OpenBenchOptions {
  root: string;
  scratchDir: string;
  runs: number;
  bigParagraphs: number;
  bigRuns: number;
  patternRuns: number;
  perPattern: boolean;
  firefox: boolean;
  chromium: boolean;
  log: (m: string) => void;
}

const failed = (e: unknown) => ({
  skipped: `failed: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`,
});

export async function runOpenBench(o: OpenBenchOptions): Promise<OpenReport> {
  const sample = buildSamplePage(1);
  const patternPage = buildPatternPage(PATTERN_CASES);
  const paths = {
    sample: '/info/422001.html',
    big: '/long/read.html',
    patterns: '/info/422002.html',
  };
  const server = await servePages(
    new Map([
      [paths.sample, sample.html],
      [paths.big, buildBigPage(o.bigParagraphs)],
      [paths.patterns, patternPage.html],
    ]),
  );
  const host = new URL(server.origin).hostname;
  const report: OpenReport = {
    browsers: [],
    compare: [],
    big: [],
    patterns: { skipped: 'skipped: no Chromium run' },
    patternVerdicts: patternVerdicts(PATTERN_CASES, host),
  };
  const snippet = sample.essay[0]!.slice(0, 20);
  try {
    const bare = await buildBareReader(join(o.scratchDir, 'bare-reader'));
    const chromeTest = join(o.root, 'dist', 'chrome-test');
    const firefoxDir = join(o.root, 'dist', 'firefox');

    if (!o.chromium) report.compare.push({ skipped: 'skipped: --no-chromium' });
    else if (!existsSync(chromiumPath()))
      report.compare.push({ skipped: `skipped: ${chromiumPath()} not installed` });
    else if (!existsSync(join(chromeTest, 'manifest.json')))
      report.compare.push({ skipped: 'skipped: dist/chrome-test not built (npm run build)' });
    else {
      const c = await launchChromiumOpen({ ext: chromeTest, bare: bare.chrome }).catch(failed);
      if ('skipped' in c) report.compare.push(c);
      else {
        report.browsers.push({ name: 'Chromium', version: c.version });
        try {
          report.compare.push(
            await compareOpens(
              c.driver,
              server.origin + paths.sample,
              snippet,
              o.runs,
              o.log,
            ).catch(failed),
          );
          if (o.bigRuns > 0)
            report.big.push(
              await bigPage(
                c.driver,
                server.origin + paths.big,
                BIG_SNIPPET,
                o.bigParagraphs,
                o.bigRuns,
                o.log,
              ).catch(failed),
            );
          if (o.patternRuns > 0)
            report.patterns = await worstCasePatterns(
              c.driver,
              server.origin + paths.patterns,
              patternPage.snippet,
              PATTERN_CASES,
              host,
              o.patternRuns,
              () => c.recover(),
              o.log,
              o.perPattern,
            ).catch(failed);
        } finally {
          await c.close();
        }
      }
    }

    if (!o.firefox) report.compare.push({ skipped: 'skipped: --no-firefox' });
    else if (!existsSync(firefoxPath()))
      report.compare.push({ skipped: `skipped: ${firefoxPath()} not installed` });
    else if (!existsSync(join(firefoxDir, 'manifest.json')))
      report.compare.push({ skipped: 'skipped: dist/firefox not built (npm run build)' });
    else {
      const f = await launchFirefoxOpen(
        { ext: firefoxDir, bare: bare.firefox },
        server.origin,
      ).catch(failed);
      if ('skipped' in f) report.compare.push(f);
      else {
        report.browsers.push({ name: 'Firefox', version: f.version });
        try {
          report.compare.push(
            await compareOpens(
              f.driver,
              server.origin + paths.sample,
              snippet,
              o.runs,
              o.log,
            ).catch(failed),
          );
          if (o.bigRuns > 0)
            report.big.push(
              await bigPage(
                f.driver,
                server.origin + paths.big,
                BIG_SNIPPET,
                o.bigParagraphs,
                o.bigRuns,
                o.log,
              ).catch(failed),
            );
        } finally {
          await f.close();
        }
      }
    }
  } finally {
    await server.close();
  }
  return report;
}
