/**
 * Reads a dateline's day ("July 13", "13 July 2025") against the publication day.
 * TEMPORARY: a small local reader until scripts/pipeline/dates.ts (parseDayText) lands;
 * this file is the single place to switch over.
 */

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12,
};
const MONTH_DAY = /^([A-Za-z]{3})[a-z]*\.?\s+(\d{1,2})(?:,?\s+(\d{4}))?$/;
const DAY_MONTH = /^(\d{1,2})\s+([A-Za-z]{3})[a-z]*\.?(?:\s+(\d{4}))?$/;

function iso(y: number, m: number, d: number): string | undefined {
  const dt = new Date(Date.UTC(y, m - 1, d));
  if (dt.getUTCFullYear() !== y || dt.getUTCMonth() !== m - 1 || dt.getUTCDate() !== d) return undefined;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** YYYY-MM-DD for a dateline's day text (past-preferring, relative to `published`), or undefined. Never throws. */
export function datelineDay(text: string, published: string): string | undefined {
  const t = text.trim();
  const a = MONTH_DAY.exec(t);
  const b = a ? null : DAY_MONTH.exec(t);
  const monthName = (a?.[1] ?? b?.[2] ?? '').toLowerCase();
  const month = MONTHS[monthName];
  const day = Number(a?.[2] ?? b?.[1]);
  const yearText = a?.[3] ?? b?.[3];
  const pubYear = Number(published.slice(0, 4));
  if (!month || !day || !pubYear) return undefined;
  if (yearText) return iso(Number(yearText), month, day);
  const same = iso(pubYear, month, day);
  if (same && same <= published) return same;
  return iso(pubYear - 1, month, day);
}
