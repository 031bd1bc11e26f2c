import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { expectedSchemaText } from '../../scripts/generate-rules-schema.js';
import { BUILTIN_RULE_FILES } from './builtin/index.js';
import { exportRules } from './export.js';
import { buildRulesJsonSchema, RULES_SCHEMA_PATH, RULES_SCHEMA_URL } from './json-schema.js';
import { parseRules } from './parse.js';
import { SITE_RULE_FIELDS, SITE_RULE_SCHEMA } from './schema.js';
import { PATTERN_WINDOW } from './text-pattern.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

describe('the JSON Schema of rules files', () => {
  it(`${RULES_SCHEMA_PATH} is what the generator makes (run npm run generate:schema)`, async () => {
    expect(readFileSync(join(ROOT, RULES_SCHEMA_PATH), 'utf8')).toBe(await expectedSchemaText());
  });

  it('documents the pattern window with its value', () => {
    expect(SITE_RULE_SCHEMA.removeText.help).toContain(PATTERN_WINDOW.toLocaleString('en'));
  });

  it('declares every field of the one schema, and only those', () => {
    const rule = (buildRulesJsonSchema().definitions as Record<string, Record<string, unknown>>)
      .rule!;
    expect(Object.keys(rule.properties as object)).toEqual(SITE_RULE_FIELDS);
    expect(rule.required).toEqual(['id', 'match']);
    expect(rule.additionalProperties).toBe(false);
  });

  it('exported files name it in "$schema", and parseRules reads them as before', () => {
    const rules = [{ id: 'a', match: ['a.com'], enabled: true, remove: ['.x'], removeText: [] }];
    const text = exportRules(rules);
    expect(JSON.parse(text)).toEqual({
      $schema: RULES_SCHEMA_URL,
      rules: [{ id: 'a', match: ['a.com'], enabled: true, remove: ['.x'] }],
    });
    expect(parseRules(text)).toEqual({ rules, errors: [] });
  });

  it('each built-in rule file points to the schema file in the repository', () => {
    for (const [name, file] of Object.entries(BUILTIN_RULE_FILES)) {
      expect((file as { $schema?: string }).$schema, name).toBe(
        '../../../schemas/site-rules.schema.json',
      );
    }
  });
});
