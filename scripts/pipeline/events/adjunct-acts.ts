/**
 * Second acts carried by a temporal or circumstantial adjunct of another act's clause: a meeting
 * or a visit named as a noun (or a gerund) after "after", "following", "during", "on the
 * sidelines of", "in the wake of", "upon", "at the end of" ("signed three accords following their
 * bilateral meeting", "during the prime minister's visit to Hanoi", "said after meeting Sunday
 * with the envoy"). The adjunct tells that the act it names happened when the clause's act did,
 * so it is an event of its own: only when the clause's act happened, when the noun phrase is not
 * planned ("the upcoming summit", "the visit next week") and when it names another kind of act
 * than the clause's (a meeting "during talks" is the same meeting). "Before" and "ahead of" are
 * not heads: what they name may not have happened yet.
 *
 * Rule ids: events.context.adjunctAct (the act found), events.context.adjunctPlanned and
 * events.context.adjunctReference, events.context.adjunctGathering (refused: a plan; a bare "the meeting"
 * that refers to an act told elsewhere; "an EU summit", a gathering of an organisation).
 * Patterns are data (event-rules.json, context.adjunctHead / adjunctPlanned / adjunctStop).
 */
import rules from '../../data/event-rules.json' with { type: 'json' };
import { patternRules } from '../pattern-rules.ts';
import type { ClauseSpan } from './clauses.ts';
import type { TriggerMatch } from './triggers.ts';

/** The head of an adjunct ("after", "during", "on the sidelines of"); the last one before the noun counts. */
const ADJUNCT_HEAD = new RegExp(rules.context.adjunctHead, 'giu');
/** Punctuation that cannot stand inside the noun phrase between the head and the noun. */
const PUNCTUATION = /[,;:()"“”.!?]/u;
const MAX_PHRASE = 70;
/** Words that make the named act a plan ("the upcoming visit", "the summit next month"). */
const PLANNED = new RegExp(rules.context.adjunctPlanned, 'iu');
/** Words that cannot stand between the head and the noun of one noun phrase (verbs, pronoun subjects, conjunctions). */
const STOP = new Set<string>(rules.context.adjunctStop.split(' '));
/** "after the meeting": a definite article with no possessor before the noun. */
const DEFINITE = new RegExp(rules.context.adjunctDefinite, 'iu');
/** What the act has of its own after the noun: a party ("with X", "to Colombo") or a day (a place alone is not enough). */
const OWN = new RegExp(rules.context.adjunctOwn, 'iu');
const patternRule = patternRules('event-rules.json', rules.patterns, rules.macros);
/** "after an EU summit": an organisation's acronym before the noun (events.context.adjunctGathering). */
const GATHERING = patternRule('adjunctGathering');
/** "talks with", "visit to": a trigger whose phrase goes on (events.context.adjunctReference.openTrigger). */
const OPEN_TRIGGER = patternRule('adjunctOpenTrigger').re;
/** Heads that put the act named before the clause's act, but for "on the sidelines of" (events.context.adjunctAct.after, .sidelines). */
const AFTER_HEAD = patternRule('adjunctAfterHead').re;
const SIDELINES = patternRule('adjunctSidelines').re;
/** Types an adjunct noun may name. */
const ADJUNCT_TYPES: ReadonlySet<string> = new Set(rules.context.adjunctTypes);
/** Characters before the noun searched for the head; characters after it read for a planned time. */
const HEAD_WINDOW = 90;
const AFTER_WINDOW = 40;

export type AdjunctHead = 'after' | 'during';

export interface AdjunctAct {
  match: TriggerMatch;
  /** "after"/"following"/"upon": the act came before the clause's one; "during"/"on the sidelines of"/"at": it contains it. */
  head: AdjunctHead;
  /** Where the adjunct starts (its preposition), relative to the sentence. */
  from: number;
  /** The adjunct's words, for the trace. */
  words: string;
}

/** Whether the words between the head and the noun can be one noun phrase's determiners and modifiers. */
function nounPhrasePrefix(words: string): boolean {
  const list = words.trim().split(/\s+/u).filter((w) => w.length > 0);
  if (list.length > 7) return false;
  for (const w of list) {
    const bare = w.toLowerCase().replace(/['’]s$/u, '');
    if (STOP.has(bare)) return false;
  }
  return true;
}

/**
 * The act named by trigger `m` as an adjunct of the clause, or undefined. `lo` is where the
 * adjunct may start (the end of the clause's own trigger when the noun follows it, else the
 * clause start); `clause` bounds the planned-time look-ahead.
 */
export function adjunctAct(text: string, clause: ClauseSpan, m: TriggerMatch, lo: number): AdjunctAct | { refused: string; rule: string } | undefined {
  if (!ADJUNCT_TYPES.has(m.rule.type)) return undefined;
  const from = Math.max(lo, m.start - HEAD_WINDOW);
  const before = text.slice(from, m.start);
  let head: RegExpExecArray | null = null;
  ADJUNCT_HEAD.lastIndex = 0;
  for (let h = ADJUNCT_HEAD.exec(before); h; h = ADJUNCT_HEAD.exec(before)) head = h;
  if (!head) return undefined;
  const words = before.slice(head.index + head[0].length);
  if (words.length > MAX_PHRASE || PUNCTUATION.test(words)) return undefined;
  if (!nounPhrasePrefix(words)) return undefined;
  const after = text.slice(m.end, Math.min(clause.end, m.end + AFTER_WINDOW));
  if (PLANNED.test(words) || PLANNED.test(m.text) || PLANNED.test(after)) return { refused: `${head[0].trim()} ${m.text}`, rule: 'events.context.adjunctPlanned' };
  // "after an EU summit": a gathering of an organisation, whose parties the sentence does not give.
  if (GATHERING.re.test(words)) return { refused: `${head[0].trim()} ${words}${m.text}`, rule: GATHERING.id };
  // "a statement after the meeting": a bare definite noun refers to an act told elsewhere in the story.
  const own = after.split(',', 1)[0] ?? '';
  if (DEFINITE.test(words) && !OPEN_TRIGGER.test(m.text) && !OWN.test(own) && !OWN.test(words)) {
    return { refused: `${head[0].trim()} ${m.text}`, rule: 'events.context.adjunctReference' };
  }
  const prep = (head[1] ?? '').toLowerCase();
  const kind: AdjunctHead = AFTER_HEAD.test(prep) && !SIDELINES.test(prep) ? 'after' : 'during';
  return { match: m, head: kind, from: from + head.index, words: `${head[0].trim()} ${m.text}` };
}
