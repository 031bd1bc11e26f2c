/**
 * `npm run generate:schema`: writes `schemas/site-rules.schema.json` from the one rule schema
 * (`src/rules/schema.ts`), formatted as Prettier formats it. `--check` only compares and exits 1
 * when the file is out of date (`src/rules/json-schema.test.ts` does the same in the tests).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { format, resolveConfig } from 'prettier';
import { RULES_SCHEMA_PATH, rulesJsonSchemaText } from '../src/rules/json-schema.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

/** The schema file's expected text. */
export async function expectedSchemaText(): Promise<string> {
  const file = join(ROOT, RULES_SCHEMA_PATH);
  const config = (await resolveConfig(file)) ?? {};
  return format(rulesJsonSchemaText(), { ...config, filepath: file });
}

async function main(): Promise<void> {
  const file = join(ROOT, RULES_SCHEMA_PATH);
  const want = await expectedSchemaText();
  let have = '';
  try {
    have = readFileSync(file, 'utf8');
  } catch {
    // not generated yet
  }
  if (process.argv.includes('--check')) {
    if (have !== want) {
      console.error(`${RULES_SCHEMA_PATH} is out of date: run npm run generate:schema`);
      process.exit(1);
    }
    return;
  }
  if (have !== want) writeFileSync(file, want);
  console.log(`${RULES_SCHEMA_PATH} ${have === want ? 'is up to date' : 'written'}`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
