import type { FullResult, Reporter, TestCase, TestResult } from '@playwright/test/reporter';

/**
 * Prints one summary block at the very end of the e2e run: pass/fail per browser, the failed
 * tests by name, and where the screenshots are.
 */
export default class SummaryReporter implements Reporter {
  private results = new Map<
    string,
    { title: string; file: string; status: TestResult['status']; retry: number }
  >();

  onTestEnd(test: TestCase, result: TestResult): void {
    // A retried or re-run test keeps its last result.
    this.results.set(test.id, {
      title: test.titlePath().slice(2).join(' › '),
      file: test.location.file,
      status: result.status,
      retry: result.retry,
    });
  }

  onEnd(result: FullResult): void {
    const groups = new Map<
      string,
      { passed: number; failed: string[]; flaky: string[]; skipped: number }
    >();
    for (const r of this.results.values()) {
      const browser = /firefox/.test(r.file) ? 'firefox ' : 'chromium';
      const g = groups.get(browser) ?? { passed: 0, failed: [], flaky: [], skipped: 0 };
      if (r.status === 'passed' && r.retry > 0) g.flaky.push(r.title);
      if (r.status === 'passed') g.passed++;
      else if (r.status === 'skipped') g.skipped++;
      else g.failed.push(`${r.title} (${r.status})`);
      groups.set(browser, g);
    }
    const lines = ['', '=== e2e summary ==='];
    for (const [browser, g] of [...groups].sort()) {
      const total = g.passed + g.failed.length + g.skipped;
      lines.push(
        `${browser}: ${g.passed}/${total} passed${g.skipped ? `, ${g.skipped} skipped` : ''}${g.failed.length ? `, ${g.failed.length} FAILED` : ''}`,
      );
      for (const f of g.failed) lines.push(`  ✘ ${f}`);
      for (const f of g.flaky) lines.push(`  ~ flaky (passed on retry): ${f}`);
    }
    lines.push('screenshots: artifacts/e2e/*.png; failure details: artifacts/e2e/test-results/');
    lines.push(`result: ${result.status.toUpperCase()}`);
    console.log(lines.join('\n'));
  }

  printsToStdio(): boolean {
    return false;
  }
}
