/** The batch progress line on a terminal: `[####----] 37/100 pages, 12.3 pages/s, ETA 5s`. */
function duration(seconds: number): string {
  if (!Number.isFinite(seconds)) return '?';
  const s = Math.round(seconds);
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  return m < 60
    ? `${m}m${String(s % 60).padStart(2, '0')}s`
    : `${Math.floor(m / 60)}h${String(m % 60).padStart(2, '0')}m`;
}

export function formatProgress(
  done: number,
  total: number,
  elapsedMs: number,
  barWidth = 20,
): string {
  const rate = elapsedMs > 0 ? (done * 1000) / elapsedMs : 0;
  const filled = total ? Math.round((done / total) * barWidth) : barWidth;
  const bar = `[${'#'.repeat(filled)}${'-'.repeat(barWidth - filled)}]`;
  const eta = done === total ? 'done' : `ETA ${rate > 0 ? duration((total - done) / rate) : '?'}`;
  return `${bar} ${done}/${total} pages, ${rate.toFixed(1)} pages/s, ${eta}`;
}
