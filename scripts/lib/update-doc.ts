import { readFileSync, writeFileSync } from 'node:fs';
import * as prettier from 'prettier';

/**
 * Replaces the text between `<!-- name:begin -->` and `<!-- name:end -->` in `text` with `body`.
 * Throws when the markers are missing, so a refresh never silently writes nowhere.
 */
export function replaceSection(text: string, name: string, body: string): string {
  const begin = `<!-- ${name}:begin -->`;
  const end = `<!-- ${name}:end -->`;
  const i = text.indexOf(begin);
  const j = text.indexOf(end);
  if (i < 0 || j < i) throw new Error(`markers ${begin} … ${end} not found`);
  return `${text.slice(0, i + begin.length)}\n${body.trim()}\n${text.slice(j)}`;
}

/**
 * `replaceSection` on a file, in place, then formatted with the project's Prettier settings so
 * that `prettier --check .` stays clean after a refresh.
 */
export async function updateDocSection(file: string, name: string, body: string): Promise<void> {
  const text = replaceSection(readFileSync(file, 'utf8'), name, body);
  const options = (await prettier.resolveConfig(file)) ?? {};
  writeFileSync(file, await prettier.format(text, { ...options, filepath: file }));
}
