/**
 * A growing group of reports of one real event. Reports that agree on everything the
 * same-event test looks at (type, day, date evidence, states, organisations, people) share a
 * signature and are tested once, so a story syndicated to thousands of outlets costs no more
 * than a handful of distinct reports.
 */
import type { ExtractedEvent } from '../types.ts';
import { actingStates, differentActors } from './direction.ts';
import { plannedAgainstHeld, plannedReport } from './planned.ts';
import { counterpartConflict, isPerson, peopleConflict } from './names.ts';
import {
  anchoredApart,
  countriesCompatible,
  datesCompatible,
  distinctActs,
  organizationsCompatible,
  partySimilarity,
  reportSentenceKey,
  sameSentenceCopy,
  triggerText,
  twoThingsInOneSentence,
  typesCompatible,
} from './same-event.ts';
import { actKind, mergeByKind } from '../events/act-kinds.ts';

export class Cluster {
  readonly members: ExtractedEvent[] = [];
  private readonly groups = new Map<string, ExtractedEvent[]>();
  private readonly sentences = new Set<string>();
  private readonly documents = new Set<string>();
  /** Members by sentence ("document@start"), for the two-things-in-one-sentence test. */
  private readonly bySentence = new Map<string, ExtractedEvent[]>();
  /** The states and organisations of all members: a report naming only some of them may join. */
  private readonly profile: ExtractedEvent;

  constructor(first: ExtractedEvent) {
    this.profile = { ...first, countries: [], organizations: [] };
    this.add(first);
  }

  add(ev: ExtractedEvent): void {
    this.members.push(ev);
    this.profile.countries = union(this.profile.countries, ev.countries);
    this.profile.organizations = union(this.profile.organizations, ev.organizations);
    const sig = signature(ev);
    const g = this.groups.get(sig);
    if (g) g.push(ev);
    else this.groups.set(sig, [ev]);
    this.sentences.add(reportSentenceKey(ev));
    const at = `${ev.source.document}@${ev.source.start}`;
    const same = this.bySentence.get(at);
    if (same) same.push(ev);
    else this.bySentence.set(at, [ev]);
    this.documents.add(ev.source.document);
  }

  /**
   * `ev` is a report of this event when its states and organisations fit the event's (so two
   * one-state fragments "TUR" and "NGA" both join "NGA+TUR"), and it is compatible with every
   * member in type, people and day (complete linkage: no chains of pairwise resemblance).
   */
  accepts(ev: ExtractedEvent): boolean {
    return this.refusal(ev) === null;
  }

  /**
   * Why `ev` is not a report of this event ('states', 'organisations', 'same sentence', 'type',
   * 'people', 'counterpart', 'act', 'acting states', 'planned', 'anchored day', 'day'), or null when it is one.
   */
  refusal(ev: ExtractedEvent): string | null {
    if (!countriesCompatible(ev, this.profile)) return 'states';
    if (!organizationsCompatible(ev, this.profile)) return 'organisations';
    const same = this.bySentence.get(`${ev.source.document}@${ev.source.start}`);
    if (same && same.some((m) => twoThingsInOneSentence(ev, m))) return 'same sentence';
    for (const group of this.groups.values()) {
      const rep = group[0]!;
      if (!typesCompatible(ev.type, rep.type)) return 'type';
      if (peopleConflict(ev.actors, rep.actors)) return 'people';
      // A person of unknown state counted for the one state left (merge.counterpart-person).
      if (counterpartConflict(ev, rep)) return 'counterpart';
      // A recall of one's envoy and an expulsion of the other side's diplomats (merge.distinct-acts).
      if (distinctActs(ev, rep)) return 'act';
      // A threat and the counter-threat: both name who acts, and no acting state is shared.
      if (differentActors(ev, rep)) return 'acting states';
      // An announced act and a held one (merge.planned-vs-held): the group's members share the flag.
      if (plannedAgainstHeld(ev, rep)) return 'planned';
      if (anchoredApart(ev, rep)) return 'anchored day';
      if (datesCompatible(ev, rep)) continue;
      // Days disagree: only copies of one sentence resolved against other publication days pass.
      if (!group.every((m) => sameSentenceCopy(ev, m))) return 'day';
    }
    return null;
  }

  /** The event's organisations as one string ("" for none), as `orgKey` in merge.ts. */
  organizationKey(): string {
    return this.profile.organizations.join('|');
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

/** The sorted union of a sorted list without repeats and another list; `have` itself when nothing is new. */
function union(have: string[], add: readonly string[]): string[] {
  if (add.every((x) => have.includes(x))) return have;
  return [...new Set([...have, ...add])].sort();
}

/** What the same-event test reads of a report, as one string. */
function signature(ev: ExtractedEvent): string {
  const people = ev.actors
    .filter(isPerson)
    .map((a) => `${a.country ?? '?'}:${a.name}`)
    .sort()
    .join(';');
  return [
    ev.type,
    ev.date,
    ev.datePrecision,
    ev.dateEvidence,
    ev.countries.join(','),
    ev.organizations.join(','),
    people,
    actingStates(ev).join('+'),
    plannedReport(ev) ? 'planned' : '',
    (mergeByKind(ev.type) && actKind(ev.type, triggerText(ev))) || '',
  ].join('|');
}
