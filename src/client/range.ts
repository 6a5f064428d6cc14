/** Window presets of the range bar (pure, unit-tested). */

/** The calendar month / quarter / year around a day, as a day range. */
export function presetRange(kind: 'month' | 'quarter' | 'year', day: string): { from: string; to: string } {
  const y = Number(day.slice(0, 4));
  const m = Number(day.slice(5, 7)) - 1;
  const first = kind === 'year' ? 0 : kind === 'quarter' ? m - (m % 3) : m;
  const months = kind === 'year' ? 12 : kind === 'quarter' ? 3 : 1;
  const from = new Date(Date.UTC(y, first, 1));
  const to = new Date(Date.UTC(y, first + months, 0));
  return { from: from.toISOString().slice(0, 10), to: to.toISOString().slice(0, 10) };
}
