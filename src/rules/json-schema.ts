/**
 * The JSON Schema of a rules file, generated from `SITE_RULE_SCHEMA` (the one schema: the type,
 * `parseRules` and the options form read it too), so editors complete and check rule files.
 * `npm run generate:schema` writes it to `schemas/site-rules.schema.json` (shipped in the
 * package); `json-schema.test.ts` fails when that file is not what this module makes.
 *
 * What JSON Schema cannot say is checked by `parseRules` only: that a selector parses, that a
 * regex compiles for the linear-time engine, unique ids.
 */
import { RULE_ID_PATTERN } from './parse.js';
import { RULES_LIMITS, SITE_RULE_FIELDS, SITE_RULE_SCHEMA, type FieldFormat } from './schema.js';
import { ALLOWED_REGEX_FLAGS, PATTERN_WINDOW } from './text-pattern.js';

/** Where the schema is published; exported rules files name it in `"$schema"`. */
export const RULES_SCHEMA_URL = 'https://unpkg.com/crypto-reader/schemas/site-rules.schema.json';

/** The repository path of the generated file. */
export const RULES_SCHEMA_PATH = 'schemas/site-rules.schema.json';

const HOST_PATTERN =
  '^(?:\\*|(?:\\*\\.)?[A-Za-z0-9\\u0080-\\uFFFF](?:[A-Za-z0-9\\u0080-\\uFFFF.-]*[A-Za-z0-9\\u0080-\\uFFFF])?\\.?)$';

const FORMAT_NOTES: Record<FieldFormat, string> = {
  id: '',
  'host-pattern': '',
  selector: ' Checked by the browser that runs it (a selector must parse).',
  'text-pattern':
    ` A regex (/source/flags, flags from "${ALLOWED_REGEX_FLAGS}") runs on RE2 in linear time:` +
    ' no backreferences and no lookaround. A pattern sees the first' +
    ` ${PATTERN_WINDOW} characters of a text.`,
  text: '',
};

function stringSchema(format: FieldFormat, maxLength: number): Record<string, unknown> {
  const out: Record<string, unknown> = { type: 'string', minLength: 1, maxLength };
  if (format === 'id') out.pattern = RULE_ID_PATTERN.source;
  if (format === 'host-pattern') out.pattern = HOST_PATTERN;
  if (format === 'text') delete out.minLength;
  return out;
}

function fieldSchema(field: keyof typeof SITE_RULE_SCHEMA): Record<string, unknown> {
  const spec = SITE_RULE_SCHEMA[field];
  const doc = { title: spec.label, description: spec.help };
  if (spec.type === 'boolean') return { ...doc, type: 'boolean', default: spec.default };
  const note = FORMAT_NOTES[spec.format];
  if (spec.type === 'string') {
    return { ...doc, description: spec.help + note, ...stringSchema(spec.format, spec.maxLength) };
  }
  return {
    ...doc,
    description: spec.help + note,
    type: 'array',
    items: stringSchema(spec.format, spec.maxLength),
    ...('nonEmpty' in spec && spec.nonEmpty ? { minItems: 1 } : {}),
    maxItems: spec.maxItems,
  };
}

export function buildRulesJsonSchema(): Record<string, unknown> {
  const properties = Object.fromEntries(SITE_RULE_FIELDS.map((f) => [f, fieldSchema(f)]));
  const required = SITE_RULE_FIELDS.filter((f) => {
    const spec = SITE_RULE_SCHEMA[f];
    return 'required' in spec && spec.required;
  });
  const list = {
    type: 'array',
    items: { $ref: '#/definitions/rule' },
    maxItems: RULES_LIMITS.maxRules,
  };
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: RULES_SCHEMA_URL,
    title: 'Crypto Reader site rules',
    description:
      'Site rules for Crypto Reader: {"rules": [...]} or a bare array of rules. Generated from ' +
      'src/rules/schema.ts by `npm run generate:schema`; do not edit.',
    oneOf: [
      {
        type: 'object',
        properties: { $schema: { type: 'string' }, rules: list },
        required: ['rules'],
        additionalProperties: false,
      },
      list,
    ],
    definitions: {
      rule: {
        type: 'object',
        properties,
        required,
        additionalProperties: false,
      },
    },
  };
}

/** The file's text: JSON with a final newline (the generator also runs Prettier on it). */
export function rulesJsonSchemaText(): string {
  return `${JSON.stringify(buildRulesJsonSchema(), null, 2)}\n`;
}
