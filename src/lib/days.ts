/** Calendar days written YYYY-MM-DD. Zod-free: shared by the schema, the URL state and the loader. */

/** True when `s` is YYYY-MM-DD and names a real day of the Gregorian calendar (no 2025-02-30). */
export function isIsoDay(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const dt = new Date(Date.UTC(y, mo - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === mo - 1 && dt.getUTCDate() === d;
}
