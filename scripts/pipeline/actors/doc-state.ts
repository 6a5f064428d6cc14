/**
 * What one document has said so far, for coreference: people already named (so "Lavrov" or
 * "Mr Xi" count), people introduced by a pattern ("Iranian Foreign Minister Abbas Araghchi")
 * and the last person seen in each role of each state ("the Russian foreign minister").
 */
import type { Actor } from '../types.ts';

export interface DynamicPerson {
  actor: Actor;
  roleKeys: string[];
  /** The trace rule of a mention made from this entry (default: the person mention's own rule). */
  rule?: string;
  /** Counts only as a word standing alone, with no other name word beside it ("Liu met", not "Liu He"). */
  standalone?: boolean;
}

export class DocState {
  /** Indices into the people list of people named in full (or confidently) so far. */
  readonly seen = new Set<number>();
  /** Normalised surname -> person introduced by a pattern. */
  readonly dynamic = new Map<string, DynamicPerson>();
  /** Leading name words shared by two people named in full (no longer read as either). */
  readonly ambiguousLeading = new Set<string>();
  /** `${iso3}|${roleKey}` -> last actor seen in that role. */
  readonly byRole = new Map<string, Actor>();
  /** Lazily computed document facts (cue words, Korea default). */
  readonly facts = new Map<string, boolean | string>();

  /** The state of the last travel destination named ("arrived in Tokyo"): hosts named later without a state are its officials. */
  destination?: string;

  constructor(
    readonly text: string,
    readonly published: string,
    readonly title = '',
    readonly datelinePlace?: string,
  ) {}

  /** Remember an actor under each of its role keys. */
  noteRole(actor: Actor, keys: string[], where: string | undefined): void {
    for (const k of keys) {
      this.lastInRole.set(k, actor);
      // "the minister" later: any minister but the head of government ("Foreign Minister X" ... "the minister").
      if (k.endsWith(' minister') && k !== 'prime minister') this.lastInRole.set('minister', actor);
    }
    if (!where) return;
    for (const k of keys) this.byRole.set(`${where}|${k}`, actor);
  }

  /** The first person named in the latest sentence that named one: what a following "He said" refers to. */
  lastSubject?: DynamicPerson;

  /** The states of the people of the latest sentence naming people of exactly two states: "the two leaders". */
  lastPair?: string[];

  /** The two states of the latest sentence naming exactly two states as sides (or people of two states): "the two countries". */
  lastStatePair?: string[];

  /** Size -> the states of the latest sentence naming exactly that many (three or more) sides: "the three governments". */
  readonly lastSides = new Map<number, string[]>();

  /** roleKey -> last actor seen in that role, whatever the state ("the external affairs minister"). */
  readonly lastInRole = new Map<string, Actor>();

  /** True when any cue phrase occurs in the document (whole words, case-sensitive). Cached. */
  hasCue(cues: string[]): boolean {
    const key = `cue:${cues.join('|')}`;
    const hit = this.facts.get(key);
    if (hit !== undefined) return hit === true;
    const esc = cues.map((c) => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    const re = new RegExp(`(?<![\\p{L}\\p{N}])(?:${esc.join('|')})(?![\\p{L}\\p{N}])`, 'u');
    const found = re.test(this.text);
    this.facts.set(key, found);
    return found;
  }
}
