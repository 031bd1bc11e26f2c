/**
 * `npm run lint:ext`: Mozilla's add-on linter (`web-ext lint`) on dist/firefox. Fails on every
 * error and warning except the known findings in bundled library code that
 * scripts/ext/lint-findings.ts lists and explains; prints those, and the notices.
 *
 *   npm run lint:ext [-- dist/firefox]
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import webExt from 'web-ext';
import { classifyFindings, type Finding, type LintResult } from './ext/lint-findings.js';

const sourceDir = resolve(import.meta.dirname, '..', process.argv[2] ?? 'dist/firefox');
const result = (await webExt.cmd.lint(
  { sourceDir, selfHosted: true, output: 'none' },
  { shouldExitProgram: false },
)) as LintResult;

const where = (f: Finding) =>
  `${f.file ?? 'manifest.json'}${f.line ? `:${f.line}:${f.column ?? 0}` : ''}`;
const { failures, known, unseen } = classifyFindings(result, (file) =>
  readFileSync(join(sourceDir, file), 'utf8'),
);
for (const { finding, why } of known)
  console.log(`known  ${finding.code} ${where(finding)}: ${why}`);
for (const f of result.notices) console.log(`notice ${f.code} ${where(f)}: ${f.message}`);
for (const k of unseen) console.log(`(known entry not in this build: ${k.why.split(' (')[0]})`);
for (const f of failures) console.error(`FAIL   ${f.code} ${where(f)}: ${f.message}`);
const warnings = failures.length - result.errors.length;
console.log(
  `web-ext lint ${sourceDir}: ${result.errors.length} errors, ${warnings} warnings, ${known.length} known library findings`,
);
if (failures.length) process.exitCode = 1;
