/**
 * Day arithmetic and text formatting shared by the page (build time) and the browser.
 * Timeline dates are local midnights so that vis-timeline and D3 (which work in local
 * time) put an event on its calendar day in every time zone.
 */

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const MONTHS_LONG = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** Local midnight of a YYYY-MM-DD day (Invalid Date for malformed input). */
export function dayToDate(iso: string): Date {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return new Date(NaN);
  return new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
}

/** YYYY-MM-DD of a date's local calendar day. */
export function dateToDay(d: Date): string {
  const p = (n: number): string => String(n).padStart(2, '0');
  return `${String(d.getFullYear()).padStart(4, '0')}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

/** "15 Jul 2025" (or the input itself when it is not a day). */
export function formatDay(iso: string, long = false): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  const month = (long ? MONTHS_LONG : MONTHS)[Number(m[2]) - 1] ?? m[2];
  return `${Number(m[3])} ${month} ${m[1]}`;
}

/** "July 2025" for a YYYY-MM-DD day. */
export function formatMonth(iso: string): string {
  const m = /^(\d{4})-(\d{2})/.exec(iso);
  if (!m) return iso;
  return `${MONTHS_LONG[Number(m[2]) - 1] ?? m[2]} ${m[1]}`;
}

/** "15 Jul 2025", or "≈12 Jul 2025" for approximate dates (the one date style of every page). */
export function formatEventDate(ev: { date: string; datePrecision: string }): string {
  return ev.datePrecision === 'approximate' ? `≈${formatDay(ev.date)}` : formatDay(ev.date);
}

/** Plain words for a precision value. */
export function precisionLabel(p: string): string {
  return p === 'approximate' ? 'approximate date (the exact day is not known)' : 'exact day';
}

let countFormat: Intl.NumberFormat | undefined;
/**
 * "1,234": the same text as n.toLocaleString('en'), from one shared formatter (toLocaleString
 * builds a formatter on each call: a lane label, a count box or a status line each paid for one).
 */
export function formatCount(n: number): string {
  countFormat ??= new Intl.NumberFormat('en');
  return countFormat.format(n);
}

/** "1 event" / "3 events". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`;
}
