/**
 * Timeline titles: one short line from an event's people, states, type and place, e.g.
 * "Xi Jinping meets Sergei Lavrov in Beijing", "Donald Trump threatens Russia with tariffs",
 * "China criticises United States". Wording per type is data (event-rules.json "titles").
 * Never contains markup; at most `maxLength` characters.
 */
import countries from 'world-countries';
import rules from '../data/event-rules.json' with { type: 'json' };
import titleData from '../data/titles.json' with { type: 'json' };
import { firstMention } from './events/country-mentions.ts';
import type { Actor, EventType, ExtractedEvent } from './types.ts';
import { emittedCode } from './actors/codes.ts';
import { sortInPlace } from './sort.ts';
import { passiveSides } from './passive-act.ts';
import { patternRules, type PatternRule } from './pattern-rules.ts';

/** The patterns that choose which words of the sentence a title is made from (titles.json "patterns"). */
const patternRule = patternRules('titles.json', titleData.patterns, titleData.macros);

/** A title decision made by a pattern rule, for the event's trace. */
export interface TitleNote {
  rule: string;
  action: string;
}
/** Where makeTitle's decisions go while it runs for a traced event (undefined otherwise). */
let notes: TitleNote[] | undefined;
function noteTitle(rule: PatternRule, action: string): void {
  notes?.push({ rule: rule.id, action });
}

type Variant = { when: string; text: string; multilateral?: boolean; coAgents?: boolean; subjectActs?: boolean };
/**
 * coAgents: only when the subject's and the object's states both act (the event's agents hold both).
 * subjectActs: only when the subject's state is among the event's agents (a one-state strike whose state may be
 * the one struck is never titled as its striker).
 */
type Compiled = { when: RegExp | null; text: string; multilateral: boolean; coAgents: boolean; subjectActs: boolean };

const MAX = rules.titles.maxLength;
const TEMPLATES = new Map<string, Compiled[]>(
  Object.entries(rules.titles.types as Record<string, Variant[]>).map(([type, list]) => [
    type,
    list.map((v) => ({ when: v.when ? new RegExp(v.when, 'i') : null, text: v.text, multilateral: v.multilateral === true, coAgents: v.coAgents === true, subjectActs: v.subjectActs === true })),
  ]),
);
const WHAT = new Map<string, [RegExp, string][]>(
  Object.entries(rules.titles.what as Record<string, string[][]>).map(([type, list]) => [
    type,
    list.map(([re, words]) => [new RegExp(re ?? '', 'i'), words ?? ''] as [RegExp, string]),
  ]),
);

/** Anything cleanTitleText would change: markup or control characters, whitespace other than single spaces, or spaces at an end. */
const NEEDS_CLEANING = /[<>\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028\u2029]|[^\S ]| {2}|^ | $/u;

/** Plain text: no tags, no angle brackets or control characters, single spaces. */
export function cleanTitleText(s: string): string {
  if (!NEEDS_CLEANING.test(s)) return s; // already plain: the replaces below would change nothing
  return s
    .replace(/<[^<>]*>/g, ' ')
    .replace(/[<>\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028\u2029]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Cut at a word boundary to `max` characters, with an ellipsis. */
export function shorten(s: string, max: number = MAX): string {
  if (s.length <= max) return s;
  const cut = s.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/(?<![\s,;:–—-])[\s,;:–—-]+$/u, '')}…`;
}

type Ev = Omit<ExtractedEvent, 'title'>;

/** Position of a word in the sentence from `from` on, or Infinity. */
function mentionAt(sentence: string, name: string | undefined, from = 0): number {
  if (!name) return Infinity;
  const i = sentence.indexOf(name, from);
  return i < 0 ? Infinity : i;
}

interface Parties {
  subject?: string;
  subjectCountry?: string;
  object?: string;
  /** True when the counterpart is a named person. */
  objectIsPerson: boolean;
}

/** A reporting verb before an event ("the JCS said that North Korea fired"): the actor comes after it (title.actor.reporting-verb). */
const REPORTING = patternRule('reportingVerb', 'g');
/** A passive "by" after the trigger, or ending it: the actor comes after it (title.actor.passive-by, title.actor.passive-by-trigger). */
const PASSIVE_BY = patternRule('passiveByAfter');
const PASSIVE_BY_TRIGGER = patternRule('passiveByTrigger');
/** Actor names that are bodies, not people ("Joint Chiefs of Staff", "Foreign Ministry"; title.actor.institution). */
const INSTITUTION = patternRule('institution');
const SYMMETRIC = new Set<EventType>(['meeting', 'visit', 'agreement']);

/** Where in the sentence the acting party is named: before the trigger (after any reporting verb), or after a passive "by". */
function actorZone(ev: Ev, sentence: string): { from: number; to: number } {
  const t = ev.source?.trigger;
  const start = t?.start ?? sentence.length;
  const end = t?.end ?? sentence.length;
  const triggerText = sentence.slice(start, end);
  const passiveBy = PASSIVE_BY_TRIGGER.re.test(triggerText) ? PASSIVE_BY_TRIGGER : PASSIVE_BY.re.test(sentence.slice(end, end + 6)) ? PASSIVE_BY : undefined;
  if (passiveBy) {
    noteTitle(passiveBy, 'actor looked for after the trigger');
    return { from: end, to: Math.min(sentence.length, end + 80) };
  }
  let from = 0;
  if (ev.type !== 'statement') {
    const re = REPORTING.re;
    re.lastIndex = 0;
    for (let m = re.exec(sentence); m && m.index < start; m = re.exec(sentence)) {
      if (m.index + m[0].length <= start) from = m.index + m[0].length;
    }
    if (from > 0) noteTitle(REPORTING, `actor looked for after "${sentence.slice(Math.max(0, from - 40), from).trim()}"`);
  }
  return { from, to: start };
}

/** Whether an actor's name is a body, not a person ("Foreign Ministry"): then it is no person of the title. */
function institution(name: string): boolean {
  if (!INSTITUTION.re.test(name)) return false;
  noteTitle(INSTITUTION, `"${name}" is a body, not a person`);
  return true;
}

/** Where a person is named (full name, or first or last name alone), from `from` on; Infinity if not. */
function personAt(sentence: string, name: string, from: number): number {
  const parts = name.split(/\s+/).filter((p) => p.length > 2);
  let best = Infinity;
  for (const n of [name, parts[parts.length - 1], parts[0]]) {
    if (!n) continue;
    const i = sentence.indexOf(n, from);
    if (i >= 0 && i < best) best = i;
  }
  return best;
}

/**
 * Who acts and who is acted on. The actor is a person named where the actor is expected
 * (before the trigger, after any reporting verb; after "by" in the passive), else a state or
 * organisation named there, else the first person, else the state named first.
 */
function parties(ev: Ev, countryName: (iso3: string) => string | undefined): Parties {
  const sentence = ev.source?.sentence ?? '';
  const triggerAt = ev.source?.trigger?.start ?? sentence.length;
  const name = (iso: string) => cleanTitleText(countryName(iso) ?? iso);
  // A person of a state that is not among the event's countries is no side of it ("agrees with the countries").
  const people: Actor[] = ev.actors.filter(
    (a) => cleanTitleText(a.name).length > 0 && !institution(a.name) && (!a.country || ev.countries.length === 0 || ev.countries.includes(a.country)),
  );
  const zone = actorZone(ev, sentence);
  // The actors stage knows which parties do the act (clause structure); their mention wins over mere position.
  // Only a single agent of a one-directional act: meetings and agreements are symmetric, and a run of
  // coordinated subjects ("the G7's Canada, France, ...") is better named by position or organisation.
  // A passive act ("the X ambassador was summoned"): its subject's state is acted on (title.passive-acted-on).
  const passive = passiveSides(ev);
  const agents = passive ? [passive.acting] : !SYMMETRIC.has(ev.type) && ev.agents?.length === 1 && ev.countries.includes(ev.agents[0]!) ? ev.agents : [];
  const agentFirst = <T extends { country: string | undefined }>(xs: T[]): T[] =>
    agents.length ? [...xs.filter((x) => x.country && agents.includes(x.country)), ...xs.filter((x) => !x.country || !agents.includes(x.country))] : xs;

  const inZone = (at: number) => at >= zone.from && at < zone.to;
  const states = [
    ...ev.countries.map((c) => ({ country: c as string | undefined, label: name(c), at: firstMention(sentence, c, countryName(c), zone.from) })),
    ...ev.organizations.map((o) => ({ country: undefined, label: cleanTitleText(o), at: mentionAt(sentence, o, zone.from) })),
  ].filter((p) => p.label);
  sortInPlace(states, (a, b) => a.at - b.at || a.label.localeCompare(b.label));

  let subject: string | undefined;
  let subjectCountry: string | undefined;
  const personInZone = agentFirst(
    sortInPlace(
      people.map((a) => ({ a, country: a.country, at: personAt(sentence, a.name, zone.from) })).filter((x) => inZone(x.at)),
      (x, y) => x.at - y.at,
    ),
  ).find((x) => !agents.length || !x.country || agents.includes(x.country))?.a;
  // With a known agent, its state wins wherever it is named (a state quoted before the verb is content).
  const agentState = agents.length ? states.find((p) => p.country && agents.includes(p.country)) : undefined;
  const stateInZone = agentState ?? states.find((p) => inZone(p.at));
  // "The Russian foreign minister arrived": a person of the state named there stands for it.
  const agentPerson = agents.length ? people.find((a) => a.country && agents.includes(a.country)) : undefined;
  // In a passive act without its agent in the zone, a person named elsewhere is no agent: the acting state stands.
  // A one-directional act: a person named only after the trigger is acted on, never the subject (title.subject.after-trigger).
  const oneWay = !SYMMETRIC.has(ev.type);
  const firstPerson = oneWay ? people.find((a) => personAt(sentence, a.name, 0) < triggerAt) : people[0];
  const chosenPerson = passive ? personInZone : personInZone ?? agentPerson ?? (stateInZone ? people.find((a) => a.country && a.country === stateInZone.country) : firstPerson);
  if (chosenPerson) {
    subject = cleanTitleText(chosenPerson.name);
    subjectCountry = chosenPerson.country;
  } else if (stateInZone) {
    subject = stateInZone.label;
    subjectCountry = stateInZone.country;
  } else {
    const all = [
      ...ev.countries.map((c) => ({ country: c as string | undefined, label: name(c), at: firstMention(sentence, c, countryName(c)) })),
      ...ev.organizations.map((o) => ({ country: undefined, label: cleanTitleText(o), at: mentionAt(sentence, o) })),
    ].filter((p) => p.label);
    sortInPlace(all, (a, b) => (a.at < triggerAt ? 0 : 1) - (b.at < triggerAt ? 0 : 1) || a.at - b.at || a.label.localeCompare(b.label));
    // Nobody named before the trigger of a one-directional act between two states: the state named
    // first after it is acted on ("Taliban authorities summoned Pakistan's ambassador", "launched
    // strikes in Afghanistan"), so the other state acts. Never the reverse of the clause.
    const actedOn = !SYMMETRIC.has(ev.type) && ev.organizations.length === 0 && all.length === 2 && all[0]!.at >= triggerAt && Number.isFinite(all[0]!.at) &&
      // not both inside the trigger's words ("border crossings between Poland and Belarus were closed")
      all[1]!.at >= (ev.source?.trigger?.end ?? sentence.length);
    let pick = actedOn ? all[1] : all[0];
    const own = oneWay && !actedOn && pick && pick.at >= triggerAt ? subjectBeforeTrigger(sentence, triggerAt) : undefined;
    if (own) {
      // Nobody known before the trigger: the words there name the actor ("Minister in the Presidency X called for ...").
      noteTitle(SUBJECT_AFTER_TRIGGER, `subject '${own}' (before the trigger), not '${pick!.label}'`);
      subject = own;
      subjectCountry = undefined;
      pick = undefined;
    } else if (oneWay && !actedOn && !pick && people.length > 0) {
      subject = subjectBeforeTrigger(sentence, triggerAt);
      if (subject) noteTitle(SUBJECT_AFTER_TRIGGER, `subject '${subject}' (before the trigger), not '${cleanTitleText(people[0]!.name)}'`);
    }
    if (pick) {
      subjectCountry = pick.country;
      subject = pick.label;
    }
  }
  // The counterpart: a person of another state in meetings and visits; a state for acts done to a state.
  const otherState = ev.countries.some((c) => c !== subjectCountry);
  const other = SYMMETRIC.has(ev.type) || !otherState
    ? people.find((a) => cleanTitleText(a.name) !== subject && (!a.country || a.country !== subjectCountry))
    : undefined;
  let object: string | undefined = other ? cleanTitleText(other.name) : undefined;
  const objectIsPerson = object !== undefined;
  if (!object) {
    const rest = ev.countries.filter((c) => c !== subjectCountry);
    const key = (c: string) => {
      const at = firstMention(sentence, c, countryName(c));
      return (at >= triggerAt ? 0 : 1e6) + at;
    };
    sortInPlace(rest, (a, b) => key(a) - key(b) || a.localeCompare(b));
    if (rest[0]) object = name(rest[0]);
  }
  if (!object) {
    const org = ev.organizations.map(cleanTitleText).find((o) => o && o !== subject);
    if (org) object = org;
  }
  // A meeting or visit reads better with the named person first ("Narendra Modi holds talks with Bhutan").
  if (SYMMETRIC.has(ev.type) && objectIsPerson && !chosenPerson && object) {
    const person = people.find((a) => cleanTitleText(a.name) === object);
    return { subject: object, subjectCountry: person?.country, object: subject, objectIsPerson: false };
  }
  return { subject, subjectCountry, object, objectIsPerson };
}

/** Words before the trigger that name nobody (title.subject.after-trigger). */
const SUBJECT_AFTER_TRIGGER = patternRule('subjectAfterTrigger');
/** The words before the trigger name an official or body (title.subject.before-trigger). */
const SUBJECT_BEFORE_TRIGGER = patternRule('subjectBeforeTrigger');
const MAX_SUBJECT_WORDS = 8;

/**
 * The words before the trigger that name the actor, when no known person or state stands there: after the last
 * comma, time words dropped ("Minister in the Presidency X on Wednesday" -> "Minister in the Presidency X"), at most
 * eight words, not an opening preposition or a pronoun (title.subject.after-trigger).
 */
function subjectBeforeTrigger(sentence: string, triggerAt: number): string | undefined {
  let before = sentence.slice(0, triggerAt);
  const comma = before.lastIndexOf(',');
  if (comma >= 0) before = before.slice(comma + 1);
  for (const re of DROP_WORDS) before = before.replace(re, ' ');
  const words = before.replace(/[“”"‘’']/g, ' ').split(/\s+/).filter(Boolean);
  if (words.length === 0 || words.length > MAX_SUBJECT_WORDS) return undefined;
  const text = words.join(' ');
  if (SUBJECT_AFTER_TRIGGER.re.test(text) || !SUBJECT_BEFORE_TRIGGER.re.test(text)) return undefined;
  return cleanTitleText(text.charAt(0).toUpperCase() + text.slice(1));
}

/** The kind of measure ("tariffs", "treaty") named in the trigger, or near it in the sentence. */
function what(type: EventType, ev: Ev, trigger: string): string | undefined {
  const list = WHAT.get(type);
  if (!list) return undefined;
  const sentence = ev.source?.sentence ?? '';
  const after = sentence.slice(ev.source?.trigger?.start ?? 0, (ev.source?.trigger?.end ?? 0) + 120);
  for (const text of [trigger, after, sentence]) {
    for (const [re, words] of list) if (re.test(text)) return words;
  }
  return undefined;
}

type StatementRules = { speechVerbs: string[]; presentTense: Record<string, string>; dropWords: string[]; maxContentWords: number };
const ST = titleData.statement as StatementRules;
const SPEECH = new Set(ST.speechVerbs);
/** Time words and phrases dropped from a headline, longest first so "on Monday night" goes before "Monday". */
const DROP = [...ST.dropWords].sort((a, b) => b.length - a.length);
/** DROP's words as whole words in any case, compiled once (the words before a trigger: subjectBeforeTrigger). */
const DROP_WORDS = DROP.map((d) => new RegExp(`(?<![\\p{L}])${d.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}])`, 'giu'));
const QUOTES = /[“”"‘]|(?<![\p{L}])[’']|[’'](?![\p{L}])/gu;
const WORDS_RE = /\S+/g;

/** The headline (present) form of a verb: "said" -> "says", "urged" -> "urges", "called" -> "calls". */
export function presentTense(verb: string): string {
  const w = verb.toLowerCase();
  const known = ST.presentTense[w];
  if (known) return known;
  if (!w.endsWith('ed')) return w.endsWith('s') ? w : `${w}s`;
  if (w.endsWith('ied')) return `${w.slice(0, -3)}ies`;
  const stem = w.slice(0, -2);
  if (/(?:s[sh]|ch|[xz])$/.test(stem)) return `${stem}es`;
  if (/(?:[gcvu]|[^s]s)$/.test(stem)) return `${stem}es`;
  return `${stem}s`;
}

/** Remove time words, quote marks and brackets, collapse spaces; at most `maxContentWords` words. */
function tidyContent(text: string): string {
  let t = ` ${text} `;
  for (const d of DROP) {
    let i = t.indexOf(` ${d} `);
    while (i >= 0) {
      t = `${t.slice(0, i)} ${t.slice(i + d.length + 2)}`;
      i = t.indexOf(` ${d} `);
    }
  }
  t = t.replace(QUOTES, '').replace(/[()[\]]/g, ' ');
  const words = t.match(WORDS_RE) ?? [];
  let out = words.slice(0, ST.maxContentWords);
  // A "word" of more than 40 characters is no word of a headline (and keeps the trim below linear).
  const long = out.findIndex((w) => w.length > 40);
  if (long >= 0) out = out.slice(0, long);
  // Never end on a word that needs a continuation.
  while (out.length && /^(?:and|or|but|as|that|to|of|the|a|an|in|on|for|with|by|from|its|their|his|her|which|who|while|after|before|at)$/i.test(out[out.length - 1]!.replace(/(?<![,.;:])[,.;:]+$/, ''))) out = out.slice(0, -1);
  return out.join(' ').replace(/(?<![\s,;:.–—-])[\s,;:.–—-]+$/u, '');
}

/** Only what may stand between a sentence's subject and its verb of saying without being a speaker ("in response", "also", "on Monday"; title.statement.adverbial-only). */
const ADVERBIAL_ONLY = patternRule('adverbialOnly');

/** The content clause right after the trigger, up to the end of its clause. */
function clauseAfter(sentence: string, from: number): string {
  const rest = sentence.slice(from);
  let end = rest.length;
  for (const stop of ['. ', '; ', ' — ', ' – ', ', according to', ', adding', ', as ', ', while ', ', but ', ', which ', ', saying', ' said.', ', he said', ', she said', ', it said']) {
    const i = rest.indexOf(stop);
    if (i >= 0 && i < end) end = i;
  }
  return rest.slice(0, end);
}

/** "during a phone call with the US adviser, Massad Boulos, the atrocities": an adjunct (and a name in apposition) before the object (title.statement.leading-adjunct). */
const LEADING_ADJUNCT = patternRule('leadingAdjunct');
/** What opens reported content and stays out of the title: a comma, "in a statement", "that" (title.statement.content-lead). */
const CONTENT_LEAD = patternRule('contentLead');
/** Content that opens with a preposition or subordinator is no clause of what was said (title.statement.content-not-clause). */
const CONTENT_NOT_CLAUSE = patternRule('contentNotClause');
/** A passive auxiliary right before the verb (title.statement.passive-before). */
const PASSIVE_BEFORE = patternRule('passiveBefore');
/** An object that only points back: "called on her" (title.statement.pronoun-object). */
const PRONOUN_OBJECT = patternRule('pronounObject');

/**
 * A statement's title from its own clause: "China urges the United States to stop arming Taiwan",
 * "Poland says it will close a border crossing with Belarus", "Kaja Kallas: the sanctions will stay".
 * Undefined when the clause gives nothing usable (the caller falls back to the templates).
 */
function statementTitle(ev: Ev, subject: string | undefined, skipAdjunct = false): string | undefined {
  if (!subject) return undefined;
  const sentence = ev.source?.sentence ?? '';
  const t = ev.source?.trigger;
  if (!t || t.end <= t.start) return undefined;
  const trigger = sentence.slice(t.start, t.end);
  const first = trigger.match(/^[\p{L}-]+/u)?.[0];
  if (!first) return undefined;
  const lower = first.toLowerCase();
  if (SPEECH.has(lower)) {
    // "“...,” Tusk told a meeting" / "..., the minister said": the content comes first when only the speaker
    // stands between the last comma (or quote) and the verb.
    // Not when what stands there is no speaker but an adverbial ("China, an ally of Moscow, in response said
    // ..."): then the part before the comma is the subject and its apposition, and the content follows.
    const before = sentence.slice(0, t.start);
    const comma = Math.max(before.lastIndexOf(','), before.lastIndexOf('”'));
    const between = before.slice(comma + 1).trim();
    const adverbialOnly = comma > 0 && between.split(/\s+/).length <= 7 && ADVERBIAL_ONLY.re.test(between);
    if (adverbialOnly) noteTitle(ADVERBIAL_ONLY, `"${between}" is no speaker: content read after the verb`);
    if (comma > 0 && between.split(/\s+/).length <= 7 && !adverbialOnly) {
      const content = tidyContent(before.slice(0, comma));
      if (content.split(' ').length >= 4) return `${subject}: ${content.charAt(0).toUpperCase()}${content.slice(1)}`;
    }
    // "X said (on Monday) (that) ...": the reported content follows.
    const clause = clauseAfter(sentence, t.end);
    const lead = CONTENT_LEAD.re.exec(clause)?.[0] ?? '';
    if (lead.trim()) noteTitle(CONTENT_LEAD, `"${lead.trim()}" left out of the content`);
    const after = tidyContent(clause.slice(lead.length));
    const afterWords = after.split(' ').filter(Boolean).length;
    if (afterWords >= 3 && !CONTENT_NOT_CLAUSE.re.test(after)) {
      return `${subject} ${presentTense(lower)} ${after.replace(/^that\s+/i, '')}`;
    }
    if (afterWords >= 3) noteTitle(CONTENT_NOT_CLAUSE, `"${after.split(' ')[0]}" opens no clause of what was said: no title from it`);
    return undefined;
  }
  // "X urged / called on / welcomed / pledged / expressed ...": the verb and its own words. Not a passive
  // ("was called on by"), a participle ("calling on") or an object that only points back ("called on her").
  if (!/^\p{Ll}/u.test(first) || /ing$/u.test(lower)) return undefined;
  if (PASSIVE_BEFORE.re.test(sentence.slice(Math.max(0, t.start - 12), t.start))) {
    noteTitle(PASSIVE_BEFORE, 'a passive: no title from the clause');
    return undefined;
  }
  // The object may follow an adjunct ("condemned during a call with X, Y, the atrocities"): read from after it.
  const adjunct = skipAdjunct && trigger === first ? LEADING_ADJUNCT.re.exec(sentence.slice(t.end).replace(/^\s+/u, '')) : null;
  if (adjunct) noteTitle(LEADING_ADJUNCT, `object read after "${adjunct[0].trim()}"`);
  const from = adjunct ? t.end + (sentence.slice(t.end).length - sentence.slice(t.end).replace(/^\s+/u, '').length) + adjunct[0].length : t.end;
  const rest = tidyContent(`${trigger.slice(first.length)}${adjunct ? ' ' : ''}${clauseAfter(sentence, from)}`.replace(/^\s+/, ''));
  if (rest.split(' ').filter(Boolean).length < 2) return undefined;
  if (PRONOUN_OBJECT.re.test(rest)) {
    noteTitle(PRONOUN_OBJECT, `"${rest.split(' ').slice(0, 2).join(' ')}" only points back: no title from the clause`);
    return undefined;
  }
  return `${subject} ${presentTense(lower)} ${rest}`;
}

/** Wording for events of three or more states without an organisation (titles.json "multilateral"). */
const MULTILATERAL = new Map<string, { when: RegExp | null; text: string }[]>(
  Object.entries(titleData.multilateral as Record<string, { when: string; text: string }[]>).map(([type, list]) => [
    type,
    list.map((v) => ({ when: v.when ? new RegExp(v.when, 'i') : null, text: v.text })),
  ]),
);

/** Patterns of titles that say nothing of the event's structure (titles.json "generic"). */
const GENERIC = (titleData.generic as { id: string; pattern: string }[]).map((g) => ({ id: g.id, re: new RegExp(g.pattern, 'u') }));

/** The id of the generic-title pattern a title matches ("title.generic.comments-on"), or undefined. */
export function genericTitleRule(title: string): string | undefined {
  return GENERIC.find((g) => g.re.test(title))?.id;
}

export function isGenericTitle(title: string): boolean {
  return genericTitleRule(title) !== undefined;
}

/** Share of events with a generic title, with the count per pattern id. */
export function genericTitleShare(events: readonly { title: string }[]): { total: number; generic: number; share: number; byRule: Record<string, number> } {
  const byRule: Record<string, number> = {};
  let generic = 0;
  for (const e of events) {
    const id = genericTitleRule(e.title);
    if (!id) continue;
    generic++;
    byRule[id] = (byRule[id] ?? 0) + 1;
  }
  return { total: events.length, generic, share: events.length ? generic / events.length : 0, byRule };
}

/** "A, B and C". */
function listOf(items: string[]): string | undefined {
  if (items.length === 0) return undefined;
  if (items.length === 1) return items[0];
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

function fill(template: string, slots: Record<string, string | undefined>): string | null {
  let missing = false;
  // "{O}'s": a plural name takes the apostrophe alone ("Philippines' waters", "United States'"), a singular one
  // "'s" ("Belarus's").
  const out = template.replace(/\{([A-Z]+)\}('s)?/g, (_, k: string, possessive: string | undefined) => {
    const v = slots[k];
    if (!v) missing = true;
    return (v ?? '') + (possessive ? (/(?:es|nds|ates)$/.test(v ?? '') ? "'" : "'s") : '');
  });
  return missing ? null : out;
}

let commonNames: Map<string, string> | undefined;
/** A state's common English name (world-countries), for callers without an actor resolver. */
export function commonCountryName(iso3: string): string | undefined {
  commonNames ??= new Map(countries.map((c) => [emittedCode(c.cca3), c.name.common]));
  return commonNames.get(iso3);
}

let capitals: Map<string, string> | undefined;
/** The state whose capital is `place` ("Abuja" -> NGA), if any. */
function capitalState(place: string): string | undefined {
  if (!capitals) {
    capitals = new Map();
    for (const c of countries) for (const cap of c.capital ?? []) if (!capitals.has(cap)) capitals.set(cap, emittedCode(c.cca3));
  }
  return capitals.get(place);
}

/** What the merge step decided about a merged event: the parts a title must agree with. */
export interface MergedParts {
  type: EventType;
  countries: string[];
  organizations: string[];
  actors: Actor[];
  location?: string;
}

/**
 * The title of a merged event: written from the lead report's sentence and trigger (its clause
 * structure) with the merged event's type, countries, organisations, people and place, so that the
 * title agrees with what the timeline shows after merging. For scripts/pipeline/merge.ts `combine`:
 * `title: retitleMerged(lead, { type, countries, organizations, actors, location })`.
 */
export function retitleMerged(lead: Ev, merged: MergedParts, countryName: (iso3: string) => string | undefined = commonCountryName): string {
  const agents = lead.agents?.filter((c) => merged.countries.includes(c));
  const { location: _l, agents: _a, ...rest } = lead;
  return makeTitle(
    {
      ...rest,
      type: merged.type,
      countries: merged.countries,
      organizations: merged.organizations,
      actors: merged.actors,
      ...(merged.location ? { location: merged.location } : {}),
      ...(agents && agents.length ? { agents } : {}),
    },
    countryName,
  );
}

/**
 * The event's title. With `trace`, the decisions pattern rules made on the way (titles.json "patterns")
 * are appended to it, for the event's trace.
 */
export function makeTitle(ev: Ev, countryName: (iso3: string) => string | undefined, trace?: TitleNote[]): string {
  notes = trace;
  try {
    return titleOf(ev, countryName);
  } finally {
    notes = undefined;
  }
}

function titleOf(ev: Ev, countryName: (iso3: string) => string | undefined): string {
  const sentence = ev.source?.sentence ?? '';
  const trigger = ev.source?.trigger ? sentence.slice(ev.source.trigger.start, ev.source.trigger.end) : '';
  const { subject: subject0, subjectCountry, object, objectIsPerson } = parties(ev, countryName);
  let subject = subject0;
  const location = ev.location ? cleanTitleText(ev.location) : undefined;
  const org = ev.organizations[0] ? cleanTitleText(ev.organizations[0]) : undefined;
  const otherCountry = ev.countries.find((c) => c !== subjectCountry);
  const otherName = otherCountry ? cleanTitleText(countryName(otherCountry) ?? otherCountry) : undefined;
  // Never "Qatar visits Qatar": a place that is the subject's own state gives way to the other state.
  const subjectName = subjectCountry ? cleanTitleText(countryName(subjectCountry) ?? subjectCountry) : subject;
  let place = location && location !== subject && location !== subjectName ? location : (otherName ?? location);
  // A visit's subject is the visitor: when the chosen subject is the destination itself, the other state visits.
  // So too when the subject is of the state whose capital is the place ("Buhari receives Erdogan during his visit to
  // Abuja": Erdogan visits).
  const hostOfPlace = ev.type === 'visit' && location && subjectCountry ? capitalState(location) === subjectCountry : false;
  if (ev.type === 'visit' && location && otherName && (location === subject || location === subjectName || hostOfPlace)) {
    const visitor = ev.actors.find((a) => a.country && a.country === otherCountry && cleanTitleText(a.name));
    subject = visitor ? cleanTitleText(visitor.name) : otherName;
    place = location;
  }
  const names = ev.countries.map((c) => cleanTitleText(countryName(c) ?? c));
  const slots = {
    S: subject,
    O: object,
    OP: objectIsPerson ? object : undefined,
    W: what(ev.type, ev, trigger),
    ORG: org !== subject ? org : undefined,
    SORG: subject && subject === org && ev.actors.length === 0 ? subject : undefined,
    P: place,
    CS: listOf(names),
  };
  // Three or more states: a multilateral meeting, titled by its organisation or its members.
  const multilateral = ev.countries.length >= 3;

  let title: string | null = null;
  if (ev.type === 'statement') title = statementTitle(ev, subject) ?? null;
  // An accusation with no state as its target ("denounced the foreign acts of interference"): its own words, as a
  // statement's, rather than the bare "issues criticism".
  if (ev.type === 'accusation' && !object && ev.countries.length === 1) title = statementTitle(ev, subject, true) ?? null;
  // Three or more states and no organisation: "Armenia, Azerbaijan and United States sign declaration".
  if (!title && multilateral && ev.organizations.length === 0) {
    // The noun the trigger's phrase ends on counts too ("held a rare joint missile defence exercise").
    const phrase = ev.source?.trigger ? sentence.slice(ev.source.trigger.start, Math.min(sentence.length, ev.source.trigger.end + 30)) : trigger;
    for (const v of MULTILATERAL.get(ev.type) ?? []) {
      if (v.when && !v.when.test(phrase)) continue;
      title = fill(v.text, { ...slots, W: slots.W ?? 'agreement' });
      if (title) break;
    }
  }
  // "Norway and Britain held naval drills": both states act, so the other state is no target of the drills.
  const coAgents = !!subjectCountry && !!otherCountry && !!ev.agents?.includes(subjectCountry) && ev.agents.includes(otherCountry);
  for (const v of title ? [] : (TEMPLATES.get(ev.type) ?? [])) {
    if (v.multilateral && !multilateral) continue;
    if (v.coAgents && !coAgents) continue;
    if (v.subjectActs && !(subjectCountry && ev.agents?.includes(subjectCountry))) continue;
    if (v.when && !v.when.test(trigger)) continue;
    title = fill(v.text, slots);
    if (title) break;
  }
  if (!title) {
    const label = ev.type.charAt(0).toUpperCase() + ev.type.slice(1);
    title = subject ? `${label}: ${subject}` : label;
  }
  if (location && (ev.type === 'meeting' || ev.type === 'agreement' || ev.type === 'military') && !title.includes(location)) {
    title += ` in ${location}`;
  }
  const clean = cleanTitleText(title);
  return shorten(clean.charAt(0).toUpperCase() + clean.slice(1));
}
