import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { classifyFindings, KNOWN_LIBRARY_FINDINGS, type Finding } from './lint-findings.js';

const modules = path.resolve(import.meta.dirname, '..', '..', 'node_modules');

/** A linter-style finding (1-based line, 0-based column) at the first `statement` in `source`. */
function findingAt(source: string, statement: string, file = 'content.js'): Finding {
  const at = source.indexOf(statement);
  expect(at, `"${statement}" in the library source`).toBeGreaterThanOrEqual(0);
  const before = source.slice(0, at).split('\n');
  return {
    code: 'UNSAFE_VAR_ASSIGNMENT',
    message: 'Unsafe assignment to innerHTML',
    file,
    line: before.length,
    column: before[before.length - 1]!.length,
  };
}

function classify(source: string, warnings: Finding[], errors: Finding[] = []) {
  return classifyFindings({ errors, warnings, notices: [] }, () => source);
}

describe('classifyFindings', () => {
  const libraries: Array<[string, string, string]> = [
    ['@mozilla/readability/Readability.js', 'page.innerHTML = pageCacheHtml', 'Readability'],
    ['@mozilla/readability/Readability.js', 'tmp.innerHTML = noscript.innerHTML', 'Readability'],
    ['dompurify/dist/purify.es.mjs', 'doc.documentElement.innerHTML =', 'DOMPurify'],
    ['lit-html/development/lit-html.js', 'el.innerHTML = html', 'lit-html'],
    ['lit-html/lit-html.js', 's.innerHTML=t', 'lit-html'],
  ];
  for (const [file, statement, library] of libraries) {
    it(`accepts ${library}'s "${statement}" (${file}) with its reason`, () => {
      const source = readFileSync(path.join(modules, file), 'utf8');
      const r = classify(source, [findingAt(source, statement)]);
      expect(r.failures).toEqual([]);
      expect(r.known[0]?.why).toMatch(new RegExp(`^${library}`));
    });
  }

  it('accepts the minified forms found in our bundles', () => {
    const built =
      'if(ge=!1,e.innerHTML=r,this._attempts.push({articleContent:O}))' +
      ';this._forEachNode(n,function(t){if(this._isSingleImage(t)){var n=e.createElement(`div`);n.innerHTML=t.innerHTML;}})' +
      ';if(!t||!t.documentElement){t=k.createDocument(R,`template`,null);try{t.documentElement.innerHTML=nt?D:i}catch{}}';
    const r = classify(built, [
      findingAt(built, 'e.innerHTML=r'),
      findingAt(built, 'n.innerHTML=t.innerHTML'),
      findingAt(built, 't.documentElement.innerHTML'),
    ]);
    expect(r.failures).toEqual([]);
    expect(r.known.map((k) => k.why.split(' ')[0])).toEqual([
      'Readability',
      'Readability',
      'DOMPurify',
    ]);
  });

  it('fails the same warning in our own code, any other warning, and every error', () => {
    const ours =
      'const box=document.createElement("div");box.innerHTML=article.contentHtml;' +
      'const t=document.createElement("template");render(t);';
    const other: Finding = { code: 'MANIFEST_FIELD_UNSUPPORTED', message: 'x' };
    const error: Finding = { code: 'JSON_INVALID', message: 'bad manifest' };
    const r = classify(ours, [findingAt(ours, 'box.innerHTML'), other], [error]);
    expect(r.known).toEqual([]);
    expect(r.failures.map((f) => f.code)).toEqual([
      'JSON_INVALID',
      'UNSAFE_VAR_ASSIGNMENT',
      'MANIFEST_FIELD_UNSUPPORTED',
    ]);
    expect(r.unseen).toHaveLength(KNOWN_LIBRARY_FINDINGS.length);
  });
});
