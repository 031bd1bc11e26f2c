/**
 * The registry's meta-test (issue 8 point 7): every detector is one file with a unit test beside
 * it and fires on at least one test page; every built-in rule applies to at least one test page
 * and takes something out of it; no outlet name or site class is written outside the signature
 * tables and the built-in rules.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { listTestPages, loadTestPage, runTestPage } from '../../scripts/generate-test-pages.js';
import { BUILTIN_RULE_FILES } from '../rules/builtin/index.js';
import { compileRuleIndex, rulesForUrl } from '../rules/match.js';
import { DETECTOR_MODULES, POST_DETECTORS, PRE_DETECTORS } from './registry.js';
import { OUTLETS } from './signatures/outlets.js';
import type { Removal } from './types.js';

const DETECTORS_DIR = fileURLToPath(new URL('./detectors/', import.meta.url));

/**
 * Detectors and rules still waiting for a test page that shows them. The list may only shrink:
 * the test fails for a listed one that gained a page, and for an unlisted one without.
 */
const PENDING_DETECTORS: readonly string[] = [];
const PENDING_RULES: readonly string[] = [];

describe('detector registry', () => {
  it('finds every detector file, each exporting one detector named after it', () => {
    const files = readdirSync(DETECTORS_DIR).filter(
      (f) => f.endsWith('.ts') && !f.endsWith('.test.ts'),
    );
    expect([...DETECTOR_MODULES.keys()].map((p) => basename(p)).sort()).toEqual(files.sort());
    for (const [path, detectors] of DETECTOR_MODULES) {
      expect(
        detectors.map((d) => d.id),
        path,
      ).toEqual([basename(path, '.ts')]);
    }
  });

  it('runs each detector once per phase it covers', () => {
    const ids = (list: typeof PRE_DETECTORS) => list.map((d) => d.id);
    expect(new Set(ids(PRE_DETECTORS)).size).toBe(PRE_DETECTORS.length);
    expect(new Set(ids(POST_DETECTORS)).size).toBe(POST_DETECTORS.length);
    expect(PRE_DETECTORS.length + POST_DETECTORS.length).toBeGreaterThan(DETECTOR_MODULES.size);
  });

  it.each([...DETECTOR_MODULES.keys()].map((p) => basename(p, '.ts')))(
    '%s has a unit test',
    (id) => {
      expect(existsSync(join(DETECTORS_DIR, `${id}.test.ts`))).toBe(true);
    },
  );
});

describe('detectors and built-in rules against the test pages', () => {
  const removedBySlug = new Map<string, Removal[]>();
  const urls: URL[] = [];
  beforeAll(() => {
    for (const slug of listTestPages()) {
      const page = loadTestPage(slug);
      urls.push(new URL(page.fixture.url));
      removedBySlug.set(slug, runTestPage(page).article?.removed ?? []);
    }
  });

  it.each([...DETECTOR_MODULES.keys()].map((p) => basename(p, '.ts')))(
    '%s fires on at least one test page',
    (id) => {
      const pages = [...removedBySlug].filter(([, removed]) =>
        removed.some((r) => r.rule === `detector:${id}`),
      );
      if (PENDING_DETECTORS.includes(id)) expect(pages, 'no longer pending').toEqual([]);
      else expect(pages.length, `no test page shows detector ${id}`).toBeGreaterThan(0);
    },
  );

  it.each(Object.keys(BUILTIN_RULE_FILES))('built-in rule %s matches a test page', (file) => {
    const rules = BUILTIN_RULE_FILES[file]!.rules;
    const index = compileRuleIndex(rules.map((r) => ({ enabled: true, ...r })) as never);
    const hits = urls.filter((u) => rulesForUrl(index, u).length > 0);
    if (PENDING_RULES.includes(file)) expect(hits, 'no longer pending').toEqual([]);
    else expect(hits.length, `no test page is on a host of rule ${file}`).toBeGreaterThan(0);
  });
});

describe('knowledge lives in the tables', () => {
  const sources = readdirSync(DETECTORS_DIR)
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
    .map((f) => [f, readFileSync(join(DETECTORS_DIR, f), 'utf8')] as const);

  it('no detector names an outlet', () => {
    const names = OUTLETS.flatMap((o) => o.name.split('|'))
      .map((n) => n.replace(/\\s\*|\(\?:|\)\??|\\/g, ''))
      .filter((n) => n.length >= 3);
    for (const [file, text] of sources) {
      const found = names.filter((n) => text.includes(n));
      expect(found, file).toEqual([]);
    }
  });

  it('no detector names a class from a built-in rule', () => {
    const classes = Object.values(BUILTIN_RULE_FILES)
      .flatMap((f) => f.rules.flatMap((r) => r.remove ?? []))
      .flatMap((sel) => sel.match(/\.[\w-]+/g) ?? [])
      .map((c) => c.slice(1))
      .filter((c) => c.length > 3 && !/^(?:tags|share)$/.test(c));
    for (const [file, text] of sources) {
      const found = classes.filter((c) => new RegExp(`['"|\\s.]${c}['"|\\s]`).test(text));
      expect(found, file).toEqual([]);
    }
  });
});
