/**
 * Syndicated copies: the same sentence, reporting the same event with the same parties, in
 * articles published within a week of each other (an agency story reprinted by other outlets,
 * a caption that repeats the lead). Such reports are set aside before clustering: only the one
 * from the earliest article takes part, and the copies follow it as extra sources. So a copy
 * adds sources, never events, even when its "on Tuesday" or its undated lead was resolved
 * against a later publication day.
 */
import type { ExtractedEvent } from '../types.ts';
import { cmp } from '../ids.ts';
import { isPerson } from './names.ts';
import { dayNumber, reportSentenceKey } from './same-event.ts';

/** Publication days further apart than this are two stories, not a reprint. */
export const COPY_WINDOW_DAYS = 7;

/** What must be equal for two reports to be copies of one another. */
function copyKey(ev: ExtractedEvent): string {
  const s = ev.source;
  const trigger = s.trigger ? s.sentence.slice(s.trigger.start, s.trigger.end).toLowerCase() : '';
  const people = ev.actors
    .filter(isPerson)
    .map((a) => `${a.country ?? '?'}:${a.name}`)
    .sort()
    .join(';');
  return [ev.type, reportSentenceKey(ev), trigger, ev.countries.join(','), ev.organizations.join(','), people].join('\u0000');
}

export interface Collapsed {
  /** One report per group of copies: the one from the earliest-published article. */
  originals: ExtractedEvent[];
  /** The copies that follow each original. */
  copiesOf: Map<ExtractedEvent, ExtractedEvent[]>;
}

/** Splits reports into originals and the copies that follow them. Order-independent. */
export function collapseCopies(events: ExtractedEvent[], order: (a: ExtractedEvent, b: ExtractedEvent) => number): Collapsed {
  const groups = new Map<string, ExtractedEvent[]>();
  for (const ev of events) {
    const k = copyKey(ev);
    const g = groups.get(k);
    if (g) g.push(ev);
    else groups.set(k, [ev]);
  }
  const originals: ExtractedEvent[] = [];
  const copiesOf = new Map<ExtractedEvent, ExtractedEvent[]>();
  for (const group of groups.values()) {
    if (group.length === 1) {
      originals.push(group[0]!);
      continue;
    }
    group.sort((a, b) => cmp(a.source.published ?? '', b.source.published ?? '') || order(a, b));
    let original: ExtractedEvent | undefined;
    for (const ev of group) {
      const gap = original ? dayNumber(ev.source.published ?? '') - dayNumber(original.source.published ?? '') : NaN;
      if (original && gap >= 0 && gap <= COPY_WINDOW_DAYS) {
        copiesOf.get(original)!.push(ev);
        continue;
      }
      original = ev;
      originals.push(ev);
      copiesOf.set(ev, []);
    }
  }
  return { originals, copiesOf };
}
