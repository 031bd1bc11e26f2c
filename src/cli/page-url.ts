/** An absolute http, https or file URL (normalized), or null. */
export function pageUrl(text: string): string | null {
  try {
    const url = new URL(text.trim());
    return ['http:', 'https:', 'file:'].includes(url.protocol) ? url.href : null;
  } catch {
    return null;
  }
}
