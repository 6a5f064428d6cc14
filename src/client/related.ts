/**
 * Related events for the details panel (browser side; the build-time pages use
 * relatedEvents from src/lib/data.ts, which cannot ship to the browser).
 * Related = shares a country, an actor or a source document, weighted by closeness in time.
 */
import type { TimelineEvent } from '../lib/schema.ts';
import { dayNumber } from '../lib/filter.ts';

export function relatedScore(a: TimelineEvent, b: TimelineEvent): number {
  if (a.id === b.id) return 0;
  const ac = new Set(a.countries);
  const shared = b.countries.filter((c) => ac.has(c)).length;
  const aa = new Set(a.actors.map((x) => x.name.toLowerCase()));
  const actors = b.actors.filter((x) => aa.has(x.name.toLowerCase())).length;
  const ad = new Set(a.sources.map((s) => s.document));
  const doc = b.sources.some((s) => ad.has(s.document)) ? 1 : 0;
  if (!shared && !actors && !doc) return 0;
  const gap = Math.abs(dayNumber(a.date) - dayNumber(b.date));
  const close = Number.isFinite(gap) ? 1 / (1 + gap / 7) : 0;
  return shared * 2 + (shared >= 2 ? 2 : 0) + actors * 3 + doc * 1.5 + close * 2;
}

/** Up to `limit` related events, in date order. Linear in the number of events. */
export function relatedTo(ev: TimelineEvent, all: readonly TimelineEvent[], limit = 6): TimelineEvent[] {
  const top: Array<{ ev: TimelineEvent; score: number }> = [];
  for (const other of all) {
    const score = relatedScore(ev, other);
    if (score <= 0) continue;
    if (top.length < limit) top.push({ ev: other, score });
    else {
      let worst = 0;
      for (let i = 1; i < top.length; i++) if (top[i]!.score < top[worst]!.score) worst = i;
      if (score > top[worst]!.score) top[worst] = { ev: other, score };
    }
  }
  return top.map((t) => t.ev).sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : x.id < y.id ? -1 : 1));
}
