/**
 * In-place sorts that first check whether the array is already in order. Array.prototype.sort is
 * stable, so for a consistent comparator an array whose neighbours are all in order comes out of it
 * unchanged; checking first spares the sort's work arrays, most of which were for arrays of 0 to 3
 * items already in order (a per-sentence allocation measured in the extraction's heap profile).
 */

/** `a.sort(cmp)`, skipped when `a` is already in order; returns `a`. */
export function sortInPlace<T>(a: T[], cmp: (x: T, y: T) => number): T[] {
  for (let i = 1; i < a.length; i++) if (cmp(a[i - 1]!, a[i]!) > 0) return a.sort(cmp);
  return a;
}

/** `a.sort()` for strings (code-unit order), skipped when `a` is already in order; returns `a`. */
export function sortStrings(a: string[]): string[] {
  for (let i = 1; i < a.length; i++) if (a[i - 1]! > a[i]!) return a.sort();
  return a;
}
