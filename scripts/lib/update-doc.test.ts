import { describe, expect, it } from 'vitest';
import { replaceSection } from './update-doc.js';

describe('replaceSection', () => {
  it('replaces only the marked section', () => {
    const doc = 'intro\n<!-- bench:begin -->\nold\n<!-- bench:end -->\noutro\n';
    expect(replaceSection(doc, 'bench', 'new table\n')).toBe(
      'intro\n<!-- bench:begin -->\nnew table\n<!-- bench:end -->\noutro\n',
    );
  });
  it('throws when the markers are missing or out of order', () => {
    expect(() => replaceSection('no markers', 'bench', 'x')).toThrow(/not found/);
    expect(() => replaceSection('<!-- bench:end --> <!-- bench:begin -->', 'bench', 'x')).toThrow(
      /not found/,
    );
  });
});
