/**
 * title.passive-acted-on (titles.json "passiveActedOn"): a one-directional act told in the passive
 * ("the X ambassador was summoned", "X diplomats were expelled") names the state acted on as its
 * grammatical subject. The states named in that subject (an envoy "of X" or "X's envoy"; not the
 * posting "to Y" / "in Y", not an agent "by Y") are acted on; the acting state is the one named
 * after a following "by", else the event's only other state (the summoning ministry's, named or not).
 * Undefined when the act is not such a passive or the sides cannot be told apart.
 */
import titleData from '../data/titles.json' with { type: 'json' };
import { firstMention } from './events/country-mentions.ts';
import type { ExtractedEvent } from './types.ts';

type PassiveRules = { id: string; types: string[]; verbs: string[] };
const PR = (titleData as unknown as { passiveActedOn: PassiveRules }).passiveActedOn;
export const PASSIVE_ACTED_ON_RULE = PR.id;
const TYPES: ReadonlySet<string> = new Set(PR.types);
/** An auxiliary, at most three words (adverbs, a day), the participle. */
const PASSIVE = new RegExp(String.raw`\b(?:was|were|is|are|been|being)\s+(?:[\p{L}-]{1,20}\s+){0,3}?(?:${PR.verbs.join('|')})\b`, 'giu');
/** Where the subject starts: after the last reporting verb ("a statement said the UK envoy ..."). */
const SUBJECT_START = /\b(?:said|says|stated|announced|reported|confirmed|added|noted)\s+(?:that\s+)?/giu;
/** A mention that is a posting or an agent, not the envoy's own state ("to Dhaka", "in Moscow", "by the Chinese"). */
const NOT_OWN = /\b(?:to|in|at|by)\s+(?:the\s+)?$/iu;
/** How far after the participle an agent "by ..." may be named. */
const BY_REACH = 60;
const BY = /\bby\s+([^,;.]{1,60})/iu;

type Ev = Pick<ExtractedEvent, 'type' | 'countries'> & { source?: { sentence: string; trigger?: { start: number; end: number } } };

export interface PassiveSides {
  acting: string;
  actedOn: string[];
}

export function passiveSides(ev: Ev): PassiveSides | undefined {
  if (!TYPES.has(ev.type) || ev.countries.length < 2) return undefined;
  const sentence = ev.source?.sentence ?? '';
  const t = ev.source?.trigger;
  if (!t || t.end <= t.start || t.end > sentence.length) return undefined;
  // The participle must be the trigger's own verb: inside the trigger or right around it (its auxiliary
  // at most 40 characters after the trigger: "a statement said the envoy was summoned").
  const from = Math.max(0, t.start - 30);
  const window = sentence.slice(from, Math.min(sentence.length, t.end + 80));
  PASSIVE.lastIndex = 0;
  let aux = -1;
  let verbEnd = -1;
  for (let m = PASSIVE.exec(window); m; m = PASSIVE.exec(window)) {
    const end = from + m.index + m[0].length;
    if (end > t.start && from + m.index < t.end + 40) {
      aux = from + m.index;
      verbEnd = end;
      break;
    }
  }
  if (aux < 0) return undefined;
  let subjectFrom = 0;
  SUBJECT_START.lastIndex = 0;
  const head = sentence.slice(0, aux);
  for (let m = SUBJECT_START.exec(head); m; m = SUBJECT_START.exec(head)) subjectFrom = m.index + m[0].length;
  const subject = head.slice(subjectFrom);
  const actedOn = ev.countries.filter((c) => {
    const at = firstMention(subject, c);
    return Number.isFinite(at) && !NOT_OWN.test(subject.slice(Math.max(0, at - 12), at));
  });
  if (actedOn.length === 0 || actedOn.length >= new Set(ev.countries).size) return undefined;
  const others = [...new Set(ev.countries.filter((c) => !actedOn.includes(c)))];
  const by = sentence.slice(verbEnd, Math.min(sentence.length, verbEnd + BY_REACH)).match(BY);
  if (by) {
    const agents = others.filter((c) => Number.isFinite(firstMention(by[1]!, c)));
    if (agents.length === 1) return { acting: agents[0]!, actedOn };
  }
  return others.length === 1 ? { acting: others[0]!, actedOn } : undefined;
}
