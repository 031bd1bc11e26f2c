/**
 * Dates as farm and CMS templates print them. Placeholders (SQL Server's `1900/1/1 0:00:00`,
 * the Unix epoch) mean "no date". Times without a zone are read as UTC: the page does not say.
 */
export interface ParsedDate {
  iso: string | null;
  placeholder: boolean;
}

const PATTERNS: { re: RegExp; order: 'ymd' | 'mdy' }[] = [
  // 2023/7/12 10:49:49, 2023-07-12 10:49, 2023年7月12日 10:49
  {
    re: /(\d{4})\s*[/\-.年]\s*(\d{1,2})\s*[/\-.月]\s*(\d{1,2})日?(?:[\sT]+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AP]M)?)?/iu,
    order: 'ymd',
  },
  // 4/27/2021 12:48:57 PM (.NET en-US)
  {
    re: /(\d{1,2})\/(\d{1,2})\/(\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AP]M)?)?/iu,
    order: 'mdy',
  },
];

export function parseDate(text: string): ParsedDate {
  const trimmed = text.trim();
  if (/^\d{4}-\d{2}-\d{2}T/.test(trimmed)) {
    const d = new Date(trimmed);
    return fromDate(d);
  }
  for (const { re, order } of PATTERNS) {
    const m = re.exec(trimmed);
    if (!m) continue;
    const n = m.slice(1, 7).map((v) => (v === undefined ? 0 : Number(v)));
    const [y, mo, d] = order === 'ymd' ? [n[0]!, n[1]!, n[2]!] : [n[2]!, n[0]!, n[1]!];
    let h = n[3]!;
    const ampm = m[7]?.toUpperCase();
    if (ampm === 'PM' && h < 12) h += 12;
    if (ampm === 'AM' && h === 12) h = 0;
    if (mo < 1 || mo > 12 || d < 1 || d > 31) continue;
    const date = new Date(Date.UTC(y, mo - 1, d, h, n[4]!, n[5]!));
    return fromDate(date);
  }
  const d = new Date(trimmed);
  return Number.isNaN(d.getTime()) ? { iso: null, placeholder: false } : fromDate(d);
}

function fromDate(d: Date): ParsedDate {
  if (Number.isNaN(d.getTime())) return { iso: null, placeholder: false };
  if (d.getUTCFullYear() < 1971) return { iso: null, placeholder: true };
  return { iso: d.toISOString(), placeholder: false };
}
