/**
 * A growing group of reports of one real event. Reports that agree on everything the
 * same-event test looks at (type, day, date evidence, states, organisations, people) share a
 * signature and are tested once, so a story syndicated to thousands of outlets costs no more
 * than a handful of distinct reports.
 */
import type { ExtractedEvent } from '../types.ts';
import { isPerson } from './names.ts';
import { datesCompatible, partySimilarity, reportSentenceKey, sameParties, sameSentenceCopy } from './same-event.ts';

export class Cluster {
  readonly members: ExtractedEvent[] = [];
  private readonly groups = new Map<string, ExtractedEvent[]>();
  private readonly sentences = new Set<string>();
  private readonly documents = new Set<string>();

  constructor(first: ExtractedEvent) {
    this.add(first);
  }

  add(ev: ExtractedEvent): void {
    this.members.push(ev);
    const sig = signature(ev);
    const g = this.groups.get(sig);
    if (g) g.push(ev);
    else this.groups.set(sig, [ev]);
    this.sentences.add(reportSentenceKey(ev));
    this.documents.add(ev.source.document);
  }

  /** Complete linkage: `ev` is a report of this event only if it is compatible with every member. */
  accepts(ev: ExtractedEvent): boolean {
    for (const group of this.groups.values()) {
      const rep = group[0]!;
      if (!sameParties(ev, rep)) return false;
      if (datesCompatible(ev, rep)) continue;
      // Days disagree: only copies of one sentence resolved against other publication days pass.
      if (!group.every((m) => sameSentenceCopy(ev, m))) return false;
    }
    return true;
  }

  /** How alike `ev` is to the closest member (see same-event.ts `similarity`). */
  similarity(ev: ExtractedEvent): number {
    let best = -Infinity;
    for (const group of this.groups.values()) best = Math.max(best, partySimilarity(ev, group[0]!));
    if (this.sentences.has(reportSentenceKey(ev))) best += 2;
    if (this.documents.has(ev.source.document)) best += 0.25;
    return best;
  }
}

/** What the same-event test reads of a report, as one string. */
function signature(ev: ExtractedEvent): string {
  const people = ev.actors
    .filter(isPerson)
    .map((a) => `${a.country ?? '?'}:${a.name}`)
    .sort()
    .join(';');
  return [ev.type, ev.date, ev.datePrecision, ev.dateEvidence, ev.countries.join(','), ev.organizations.join(','), people].join('|');
}
