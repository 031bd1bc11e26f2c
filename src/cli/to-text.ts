/** Article content (DOM) → plain text: one block per paragraph, blank lines between. */
import { listBlocks } from '../core/blocks.js';

export function toText(root: Element): string {
  const texts = listBlocks(root)
    .map((b) => b.text)
    .filter(Boolean);
  return texts.length ? `${texts.join('\n\n')}\n` : '';
}
