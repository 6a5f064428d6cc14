/**
 * Explains errors: for a missed gold event, the closest system event of the same article and
 * what differs; for an unmatched system event, the closest gold event. Used by the eval report
 * so that a miss reads "wrong date (2025-07-14 vs 2025-07-15)" rather than just "missed". Pure.
 */
import { dayDistance, jaccard, normaliseEvent, typeFamily, type GoldEvent, type SystemEvent } from './score.ts';

export type Diagnosis =
  | 'wrong date'
  | 'wrong countries'
  | 'wrong type'
  | 'wrong date and countries'
  | 'duplicate'
  | 'matched elsewhere'
  | 'no similar event';

export interface Explained<T> {
  diagnosis: Diagnosis;
  /** The closest counterpart, when there is one. */
  nearest?: T;
  detail: string;
}

interface Comparable {
  type: string;
  date: string;
  countries: string[];
}

function differences(a: Comparable, b: Comparable): { type: boolean; date: boolean; countries: boolean } {
  return {
    type: typeFamily(a.type) !== typeFamily(b.type),
    date: !(dayDistance(a.date, b.date) <= 1),
    countries: jaccard(a.countries, b.countries) < 0.5,
  };
}

/** Lower is closer: one point per relaxed criterion that fails, small tie-breakers after. */
function distance(a: Comparable, b: Comparable): number {
  const d = differences(a, b);
  const days = dayDistance(a.date, b.date);
  return (
    Number(d.type) * 10 +
    Number(d.date) * 10 +
    Number(d.countries) * 10 +
    (Number.isFinite(days) ? Math.min(days, 365) / 400 : 1) +
    (1 - jaccard(a.countries, b.countries)) / 2 +
    (a.type === b.type ? 0 : 0.1)
  );
}

function describe(e: Comparable): string {
  return `${e.type} ${e.date} ${e.countries.join(',') || '-'}`;
}

function classify(a: Comparable, b: Comparable | undefined): { diagnosis: Diagnosis; detail: string } {
  if (!b) return { diagnosis: 'no similar event', detail: '' };
  const d = differences(a, b);
  const fails = Number(d.type) + Number(d.date) + Number(d.countries);
  if (fails === 0) return { diagnosis: 'duplicate', detail: `same as ${describe(b)}` };
  if (d.type || fails > 2) {
    if (d.type && !d.date && !d.countries) return { diagnosis: 'wrong type', detail: `nearest: ${describe(b)}` };
    return { diagnosis: 'no similar event', detail: `nearest: ${describe(b)}` };
  }
  if (d.date && d.countries) return { diagnosis: 'wrong date and countries', detail: `nearest: ${describe(b)}` };
  if (d.date) return { diagnosis: 'wrong date', detail: `nearest: ${describe(b)}` };
  return { diagnosis: 'wrong countries', detail: `nearest: ${describe(b)}` };
}

/** Why a required gold event was missed, judged against the article's system events. */
export function explainMiss(gold: GoldEvent, sys: readonly SystemEvent[]): Explained<SystemEvent> {
  let best: SystemEvent | undefined;
  let bestD = Infinity;
  for (const s of sys) {
    const d = distance(normaliseEvent(s), gold);
    if (d < bestD) {
      bestD = d;
      best = s;
    }
  }
  const c = classify(gold, best ? normaliseEvent(best) : undefined);
  // A system event that fits every relaxed criterion but was taken by another gold event.
  if (c.diagnosis === 'duplicate') {
    return { diagnosis: 'matched elsewhere', nearest: best, detail: `${describe(normaliseEvent(best!))} fits but matched another gold event` };
  }
  return { ...c, nearest: best };
}

/**
 * Why a system event matched nothing: a duplicate of an event that fits the same gold event,
 * a near miss of a gold event, or no gold counterpart at all (an extra).
 */
export function explainUnmatched(event: SystemEvent, gold: readonly GoldEvent[]): Explained<GoldEvent> {
  let best: GoldEvent | undefined;
  let bestD = Infinity;
  const n = normaliseEvent(event);
  for (const g of gold) {
    const d = distance(n, g);
    if (d < bestD) {
      bestD = d;
      best = g;
    }
  }
  const c = classify(n, best);
  if (c.diagnosis === 'duplicate') return { diagnosis: 'duplicate', nearest: best, detail: `gold ${describe(best!)} already matched by another system event` };
  return { ...c, nearest: best };
}
