/**
 * Calendar arithmetic on ISO days ("YYYY-MM-DD") as whole day numbers (days since 1970-01-01, UTC).
 * Pure and timezone-free: nothing here depends on the machine's local time.
 */

/** Day number of a valid ISO day, or null for anything else ("2025-02-30" is null). */
export function toDayNumber(iso: string): number | null {
  if (iso.length !== 10 || iso[4] !== '-' || iso[7] !== '-') return null;
  const y = Number(iso.slice(0, 4));
  const m = Number(iso.slice(5, 7));
  const d = Number(iso.slice(8, 10));
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) return null;
  return dayNumberOf(y, m, d);
}

/** Day number of a calendar date, or null when the date does not exist (June 31). */
export function dayNumberOf(year: number, month: number, day: number): number | null {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return null;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return daysFromCivil(year, month, day);
}

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm; no Date objects). */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** ISO day of a day number. */
export function fromDayNumber(n: number): string {
  const { year, month, day } = partsOf(n);
  return `${String(year).padStart(4, '0')}-${month < 10 ? '0' : ''}${month}-${day < 10 ? '0' : ''}${day}`;
}

/** Year, month (1-12), day of month and weekday (0 = Sunday) of a day number. */
export function partsOf(n: number): { year: number; month: number; day: number; weekday: number } {
  // H. Hinnant's civil_from_days: no Date objects.
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return { year, month, day, weekday: (((n + 4) % 7) + 7) % 7 };
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2 && isLeapYear(year)) return 29;
  return MONTH_DAYS[month - 1] ?? 0;
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
