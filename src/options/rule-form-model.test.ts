import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { selectorValidator } from '../rules/selector-validator.js';
import {
  emptyFormValues,
  formatFieldMessage,
  hasErrors,
  ruleToFormValues,
  validateRuleForm,
  type FormValues,
} from './rule-form-model.js';

const doc = new JSDOM('<!doctype html><html><body></body></html>').window.document;
const validateSelector = selectorValidator(doc);

function values(over: Partial<FormValues>): FormValues {
  return { ...emptyFormValues(), id: 'my-rule', match: 'example.com', ...over };
}

describe('rule form model', () => {
  it('a valid form gives the rule, with lists split by line and blank lines dropped', () => {
    const v = validateRuleForm(
      values({
        remove: '.promo\n\n  aside.related  \n',
        removeText: 'Sponsored:\n/^Ad/u',
        notes: 'why',
      }),
      { validateSelector },
    );
    expect(hasErrors(v)).toBe(false);
    expect(v.rule).toEqual({
      id: 'my-rule',
      match: ['example.com'],
      enabled: true,
      remove: ['.promo', 'aside.related'],
      removeText: ['Sponsored:', '/^Ad/u'],
      notes: 'why',
    });
  });

  it('a bad selector gets a message on its field, with the line the user sees', () => {
    const v = validateRuleForm(values({ remove: '.ok\n\ndiv[[' }), { validateSelector });
    expect(v.rule).toBeNull();
    expect(v.errors.remove).toHaveLength(1);
    expect(v.errors.remove![0]!.line).toBe(3);
    expect(formatFieldMessage(v.errors.remove![0]!)).toMatch(
      /^line 3: invalid CSS selector "div\[\["/,
    );
    expect(v.errors.match).toBeUndefined();
  });

  it('a pattern that cannot run in linear time is refused and the message says why', () => {
    const v = validateRuleForm(values({ removeText: '/^(\\w+)\\s\\1/' }), { validateSelector });
    expect(v.rule).toBeNull();
    expect(v.errors.removeText![0]!.message).toMatch(/backreference/);
  });

  it('a regex that does not compile, a bad host and a missing id are each on their field', () => {
    const v = validateRuleForm(values({ id: '', match: 'https://x.com/a', title: '/(/' }), {
      validateSelector,
    });
    expect(v.errors.id![0]!.message).toMatch(/required/);
    expect(v.errors.match![0]!.message).toMatch(/is a URL/);
    expect(v.errors.title![0]!.message).toMatch(/does not compile/);
    expect(v.rule).toBeNull();
  });

  it("a new rule may not take another user rule's id; keeping its own id is fine", () => {
    const userIds = new Set(['taken', 'mine']);
    expect(validateRuleForm(values({ id: 'taken' }), { userIds }).errors.id![0]!.message).toMatch(
      /exists already/,
    );
    expect(
      hasErrors(validateRuleForm(values({ id: 'mine' }), { userIds, originalId: 'mine' })),
    ).toBe(false);
  });

  it("a built-in rule's id is allowed and noted as an override", () => {
    const v = validateRuleForm(values({ id: 'jinse' }), { builtinIds: new Set(['jinse']) });
    expect(hasErrors(v)).toBe(false);
    expect(v.notes.id).toEqual([{ kind: 'override', id: 'jinse' }]);
  });

  it('a rule for every site and a page-wide removal are valid, with a note on their field', () => {
    const v = validateRuleForm(values({ match: '*', remove: '.ad\nbody.home\n:root' }), {
      validateSelector,
    });
    expect(hasErrors(v)).toBe(false);
    expect(v.notes.match).toEqual([{ kind: 'every-site' }]);
    expect(v.notes.remove).toEqual([
      { kind: 'page-wide', selector: 'body.home' },
      { kind: 'page-wide', selector: ':root' },
    ]);
  });

  it('a rule goes through the form unchanged', () => {
    const rule = {
      id: 'round-trip',
      match: ['a.example', '*.b.example'],
      enabled: false,
      article: 'main article',
      remove: ['.x', '#y > p'],
      removeText: ['/^Read more/i'],
      title: ' - Example',
      byline: '.author',
      notes: 'two\nlines',
    };
    const v = validateRuleForm(ruleToFormValues(rule), { validateSelector });
    expect(v.rule).toEqual(rule);
  });
});
