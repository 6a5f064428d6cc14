/**
 * Calendar arithmetic on ISO days ("YYYY-MM-DD") as whole day numbers (days since 1970-01-01, UTC).
 * Pure and timezone-free: nothing here depends on the machine's local time.
 */

const MS_PER_DAY = 86_400_000;

/** Day number of a valid ISO day, or null for anything else ("2025-02-30" is null). */
export function toDayNumber(iso: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return null;
  return dayNumberOf(Number(m[1]), Number(m[2]), Number(m[3]));
}

/** Day number of a calendar date, or null when the date does not exist (June 31). */
export function dayNumberOf(year: number, month: number, day: number): number | null {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return null;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  const ms = Date.UTC(year, month - 1, day);
  // Date.UTC maps years 0..99 to 1900..1999; correct for that.
  const d = new Date(ms);
  if (year < 100) d.setUTCFullYear(year);
  return Math.round(d.getTime() / MS_PER_DAY);
}

/** ISO day of a day number. */
export function fromDayNumber(n: number): string {
  const d = new Date(n * MS_PER_DAY);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + 1;
  const day = d.getUTCDate();
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Year, month (1-12), day of month and weekday (0 = Sunday) of a day number. */
export function partsOf(n: number): { year: number; month: number; day: number; weekday: number } {
  const d = new Date(n * MS_PER_DAY);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), weekday: d.getUTCDay() };
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Adds days to an ISO day. */
export function addDays(iso: string, days: number): string {
  const n = toDayNumber(iso);
  return n === null ? iso : fromDayNumber(n + days);
}

/** The latest day with `weekday` (0 = Sunday) on or before day `ref`. */
export function weekdayOnOrBefore(ref: number, weekday: number): number {
  const diff = (partsOf(ref).weekday - weekday + 7) % 7;
  return ref - diff;
}

/** The earliest day with `weekday` on or after day `ref`. */
export function weekdayOnOrAfter(ref: number, weekday: number): number {
  const diff = (weekday - partsOf(ref).weekday + 7) % 7;
  return ref + diff;
}

/** Monday of the (Monday-first) week holding day `ref`. */
export function mondayOf(ref: number): number {
  return weekdayOnOrBefore(ref, 1);
}

/** The middle day of an inclusive span (rounded down), used as an approximate event day. */
export function midpoint(from: number, to: number): number {
  return from + Math.floor((to - from) / 2);
}
