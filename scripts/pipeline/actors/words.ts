/**
 * Typed word lists for the party passes, loaded once from the data files and checked on load:
 * a malformed entry fails loudly at start-up, not silently in the middle of a build.
 */
import context from '../../data/actor-context.json';
import orgData from '../../data/organizations.json';
import { patternRules } from '../pattern-rules.ts';
import type { EventType } from '../types.ts';

/** The linguistic decision patterns of the party passes (actor-context.json "patterns"), by key; each carries its rule id. */
export const actorPattern = patternRules('actor-context.json', (context as unknown as { patterns?: unknown }).patterns);

const EVENT_TYPES = new Set<EventType>(['meeting', 'visit', 'statement', 'threat', 'sanction', 'agreement', 'accusation', 'military']);
const ISO3 = /^[A-Z]{3}$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A list of strings from actor-context.json, lower-cased (longest first when asked, so alternations try long phrases first); checked on load. */
function stringList(key: string, opts: { longestFirst?: boolean } = {}): readonly string[] {
  const raw = (context as unknown as Record<string, unknown>)[key];
  if (!Array.isArray(raw) || !raw.every((x) => typeof x === 'string')) throw new Error(`actor-context.json: ${key} must be strings`);
  const list = (raw as string[]).map((x) => x.toLowerCase());
  return opts.longestFirst ? list.sort((a, b) => b.length - a.length) : list;
}

export interface ActReference {
  id: string;
  nouns: string[];
  types: EventType[];
}

function loadActReferences(): { list: ActReference[]; byNoun: Map<string, ActReference> } {
  const raw = (context as unknown as { actReferences?: unknown }).actReferences;
  if (!Array.isArray(raw)) throw new Error('actor-context.json: actReferences must be a list');
  const list: ActReference[] = [];
  const byNoun = new Map<string, ActReference>();
  for (const r of raw as Record<string, unknown>[]) {
    const { id, nouns, types } = r;
    if (typeof id !== 'string' || !id.startsWith('actors.act-reference.')) throw new Error(`actor-context.json: bad actReferences id ${String(id)}`);
    if (!Array.isArray(nouns) || !nouns.every((n) => typeof n === 'string')) throw new Error(`${id}: nouns must be strings`);
    if (!Array.isArray(types) || !types.every((t) => EVENT_TYPES.has(t as EventType))) throw new Error(`${id}: unknown event type`);
    const ref: ActReference = { id, nouns: nouns.map((n) => (n as string).toLowerCase()), types: types as EventType[] };
    list.push(ref);
    for (const n of ref.nouns) if (!byNoun.has(n)) byNoun.set(n, ref);
  }
  return { list, byNoun };
}

export const ACT_REFERENCES = loadActReferences();

export const SOVEREIGNTY_NOUNS: ReadonlySet<string> = new Set(
  ((context as unknown as { sovereigntyNouns?: string[] }).sovereigntyNouns ?? []).map((w) => w.toLowerCase()),
);

export interface OrgMembers {
  members: string[];
  from?: string;
}

function loadMembers(): Map<string, OrgMembers> {
  const out = new Map<string, OrgMembers>();
  for (const o of (orgData as unknown as { organizations: { id: string; members?: unknown; membersFrom?: unknown }[] }).organizations) {
    if (o.members === undefined) continue;
    if (!Array.isArray(o.members) || !o.members.every((c) => typeof c === 'string' && ISO3.test(c))) throw new Error(`organizations.json ${o.id}: members must be ISO alpha-3 codes`);
    if (o.membersFrom !== undefined && (typeof o.membersFrom !== 'string' || !DAY.test(o.membersFrom))) throw new Error(`organizations.json ${o.id}: membersFrom must be YYYY-MM-DD`);
    out.set(o.id, { members: [...(o.members as string[])].sort(), ...(o.membersFrom ? { from: o.membersFrom as string } : {}) });
  }
  return out;
}

/** Organisation id -> member states, for groupings that act through their members. */
export const ORG_MEMBERS: ReadonlyMap<string, OrgMembers> = loadMembers();

/** Subjects that refer back to the speaker of an earlier act ("The statement accused ...", "It said"), lower-cased. */
export const SUBJECT_ANAPHORS: readonly string[] = stringList('subjectAnaphors', { longestFirst: true });

/** Verbs of saying that may put their speaker after them ("..., said Iran's foreign minister"), lower-cased. */
export const INVERTING_VERBS: readonly string[] = stringList('invertingVerbs');

/** Words that open a phrase naming another event as a time anchor ("days before the Russian incursion"), lower-cased. */
export const TIME_ANCHORS: readonly string[] = stringList('timeAnchors', { longestFirst: true });

/** Time anchors that name no cause ("ahead of X", "for the first time since X"): no party of any type, lower-cased. */
export const TIME_ANCHORS_ANY_TYPE: readonly string[] = stringList('timeAnchorsAnyType', { longestFirst: true });

/** Phrases that name the act an event answers ("in retaliation for"), lower-cased. */
export const CAUSE_ANCHORS: readonly string[] = stringList('causeAnchors');

/** "In response, the French foreign ministry said ...": openers that answer the act reported last (actor-context.json). */
export const RESPONSE_OPENERS: { id: string; openers: readonly string[]; types: readonly string[] } = (() => {
  const raw = (context as unknown as { responseOpeners?: { id?: unknown; openers?: unknown; types?: unknown } }).responseOpeners;
  const ok = (x: unknown) => Array.isArray(x) && x.every((y) => typeof y === 'string');
  if (!raw || typeof raw.id !== 'string' || !ok(raw.openers) || !ok(raw.types)) throw new Error('actor-context.json: responseOpeners needs id, openers and types');
  return { id: raw.id, openers: (raw.openers as string[]).map((o) => o.toLowerCase()), types: raw.types as string[] };
})();

/** Words of an attack's trigger: the attack has a target the story may imply (actor-context.json impliedAttackTarget). */
export const IMPLIED_ATTACK_TARGET: { id: string; words: ReadonlySet<string> } = (() => {
  const raw = (context as unknown as { impliedAttackTarget?: { id?: unknown; words?: unknown } }).impliedAttackTarget;
  if (!raw || typeof raw.id !== 'string' || !Array.isArray(raw.words) || !raw.words.every((x) => typeof x === 'string')) {
    throw new Error('actor-context.json: impliedAttackTarget needs id and words');
  }
  return { id: raw.id, words: new Set((raw.words as string[]).map((w) => w.toLowerCase())) };
})();

/** Ranks and honorifics between a role title and the name (actor-context.json titleHonorifics; case-sensitive). */
export const TITLE_HONORIFICS: { id: string; words: ReadonlySet<string> } = (() => {
  const raw = (context as unknown as { titleHonorifics?: { id?: unknown; words?: unknown } }).titleHonorifics;
  if (!raw || typeof raw.id !== 'string' || !Array.isArray(raw.words) || !raw.words.every((x) => typeof x === 'string')) {
    throw new Error('actor-context.json: titleHonorifics needs id and words');
  }
  return { id: raw.id, words: new Set(raw.words as string[]) };
})();

/** Words of a gathering of many states: an encounter there gives no venue state (actor-context.json hostOfficialVenue). */
export const HOST_OFFICIAL_VENUE: { id: string; words: ReadonlySet<string> } = (() => {
  const raw = (context as unknown as { hostOfficialVenue?: { id?: unknown; words?: unknown } }).hostOfficialVenue;
  if (!raw || typeof raw.id !== 'string' || !Array.isArray(raw.words) || !raw.words.every((x) => typeof x === 'string')) {
    throw new Error('actor-context.json: hostOfficialVenue needs id and words');
  }
  return { id: raw.id, words: new Set((raw.words as string[]).map((w) => w.toLowerCase())) };
})();

/** One kind of adjunct phrase whose states are no parties (actor-context.json adjunctScopes; pass actors.adjunct-scope). */
export interface AdjunctRule {
  id: string;
  /** Opening words, each split into lower-case words, longest first. */
  openers: string[][];
  /** Event types it applies to (undefined: every type). */
  types?: ReadonlySet<EventType>;
  /** The opener counts only before an -ing verb ("after concluding"). */
  gerund: boolean;
  /** A state right after the opener as possessor or adjective ("over Japan's remarks") stays. */
  possessorStays: boolean;
  /** The phrase drops a state only when at least this many other states are named outside every phrase (0: always). */
  sidesOutside: number;
}

export const ADJUNCT_SCOPES: {
  rules: readonly AdjunctRule[];
  gerundExceptions: ReadonlySet<string>;
  sinceStarters: ReadonlySet<string>;
  /** Words after a comma that continue the phrase ("..., including X"), each split into words. */
  continuers: readonly string[][];
} = (() => {
  const raw = (context as unknown as { adjunctScopes?: { rules?: unknown; gerundExceptions?: unknown; sinceStarters?: unknown; continuers?: unknown } }).adjunctScopes;
  const strings = (x: unknown): x is string[] => Array.isArray(x) && x.every((y) => typeof y === 'string');
  if (!raw || !Array.isArray(raw.rules) || !strings(raw.gerundExceptions) || !strings(raw.sinceStarters) || !strings(raw.continuers)) {
    throw new Error('actor-context.json: adjunctScopes needs rules, gerundExceptions, sinceStarters and continuers');
  }
  const rules: AdjunctRule[] = [];
  for (const r of raw.rules as Record<string, unknown>[]) {
    const { id, openers, types, gerund, possessorStays, sidesOutside } = r;
    if (typeof id !== 'string' || !id.startsWith('actors.adjunct-scope.')) throw new Error(`actor-context.json: bad adjunctScopes id ${String(id)}`);
    if (!strings(openers) || openers.length === 0) throw new Error(`${id}: openers must be strings`);
    if (sidesOutside !== undefined && (typeof sidesOutside !== 'number' || !Number.isInteger(sidesOutside) || sidesOutside < 0)) throw new Error(`${id}: sidesOutside must be a whole number`);
    if (types !== undefined && (!strings(types) || !types.every((t) => EVENT_TYPES.has(t as EventType)))) throw new Error(`${id}: unknown event type`);
    const rule: AdjunctRule = {
      id,
      openers: openers.map((o) => o.toLowerCase().split(/\s+/)).sort((a, b) => b.length - a.length),
      gerund: gerund === true,
      possessorStays: possessorStays === true,
      sidesOutside: typeof sidesOutside === 'number' ? sidesOutside : 0,
    };
    if (types !== undefined) rule.types = new Set(types as EventType[]);
    rules.push(rule);
  }
  const low = (xs: string[]) => new Set(xs.map((x) => x.toLowerCase()));
  return {
    rules,
    gerundExceptions: low(raw.gerundExceptions),
    sinceStarters: low(raw.sinceStarters),
    continuers: raw.continuers.map((c) => c.toLowerCase().split(/\s+/)),
  };
})();

/** Adjectives of place that may stand between a preposition and a state name ("in neighbouring Congo"), lower-cased. */
export const PLACE_ADJECTIVES: ReadonlySet<string> = new Set(stringList('placeAdjectives'));

/**
 * A demonym inside a locative phrase of place ("near the Polish border", "off the Japanese coast"): a place, as a
 * state name there is (actor-context.json demonymPlace; pass actors.mentions.place, rule actors.mentions.place-demonym).
 */
export const DEMONYM_PLACE: {
  id: string;
  nouns: ReadonlySet<string>;
  onNouns: ReadonlySet<string>;
  compoundHeads: ReadonlySet<string>;
  between: ReadonlySet<string>;
} = (() => {
  const raw = (context as unknown as { demonymPlace?: Record<string, unknown> }).demonymPlace;
  const ok = (x: unknown): x is string[] => Array.isArray(x) && x.every((y) => typeof y === 'string');
  if (!raw || typeof raw.id !== 'string' || !ok(raw.nouns) || !ok(raw.onNouns) || !ok(raw.compoundHeads) || !ok(raw.between)) {
    throw new Error('actor-context.json: demonymPlace needs id, nouns, onNouns, compoundHeads and between');
  }
  const low = (xs: string[]) => new Set(xs.map((w) => w.toLowerCase()));
  return { id: raw.id, nouns: low(raw.nouns), onNouns: low(raw.onNouns), compoundHeads: low(raw.compoundHeads), between: low(raw.between) };
})();

/** Verbs of answering an act (actor-context.json responseVerbs; pass actors.response-target). */
export const RESPONSE_VERBS: { verbs: readonly string[][]; objectWords: ReadonlySet<string>; bareTypes: readonly EventType[] } = (() => {
  const raw = (context as unknown as { responseVerbs?: { verbs?: unknown; objectWords?: unknown; bareTypes?: unknown } }).responseVerbs;
  const strings = (x: unknown): x is string[] => Array.isArray(x) && x.every((y) => typeof y === 'string');
  if (!raw || !strings(raw.verbs) || !strings(raw.objectWords) || !strings(raw.bareTypes) || !raw.bareTypes.every((t) => EVENT_TYPES.has(t as EventType))) {
    throw new Error('actor-context.json: responseVerbs needs verbs, objectWords and bareTypes (event types)');
  }
  return {
    verbs: raw.verbs.map((v) => v.toLowerCase().split(/\s+/)).sort((a, b) => b.length - a.length),
    objectWords: new Set(raw.objectWords.map((w) => w.toLowerCase())),
    bareTypes: raw.bareTypes as EventType[],
  };
})();

/** actReferences classes whose nouns with an agent are kept as acts named in passing (actor-context.json nounActClasses). */
export const NOUN_ACT_CLASSES: ReadonlySet<string> = (() => {
  const raw = (context as unknown as { nounActClasses?: unknown }).nounActClasses;
  if (!Array.isArray(raw) || !raw.every((x) => typeof x === 'string' && ACT_REFERENCES.list.some((r) => r.id === x))) {
    throw new Error('actor-context.json: nounActClasses must be ids of actReferences');
  }
  return new Set(raw as string[]);
})();

/** Craft and forces whose owner a state adjective names: each form -> the noun's first form (actor-context.json instrumentNouns). */
export const INSTRUMENT_NOUNS: ReadonlyMap<string, string> = (() => {
  const raw = (context as unknown as { instrumentNouns?: { nouns?: unknown } }).instrumentNouns;
  if (!raw || !Array.isArray(raw.nouns) || !raw.nouns.every((n) => Array.isArray(n) && n.length > 0 && n.every((x) => typeof x === 'string'))) {
    throw new Error('actor-context.json: instrumentNouns.nouns must be lists of strings');
  }
  const out = new Map<string, string>();
  for (const forms of raw.nouns as string[][]) for (const f of forms) out.set(f.toLowerCase(), forms[0]!.toLowerCase());
  return out;
})();

/** Verbs of having seen an act, each split into words (actor-context.json observerVerbs; pass actors.attribution.observer). */
export const OBSERVER_VERBS: readonly string[][] = stringList('observerVerbs').map((v) => v.split(/\s+/));

/** Nouns of a state or place whose restrictive relative clause is a description (actor-context.json relativeHeadNouns; pass actors.subordinate-clause). */
export const RELATIVE_HEAD_NOUNS: ReadonlySet<string> = new Set(stringList('relativeHeadNouns'));

/** Verbs of hosting and the words after them that name the guests' meeting ("hosted talks between A and B"; pass actors.host.between). */
export const HOST_VERBS: ReadonlySet<string> = new Set(stringList('hostVerbs'));
export const HOSTED_BETWEEN_WORDS: ReadonlySet<string> = new Set(stringList('hostedBetweenWords'));

/** A time or sequence phrase that may open a clause before its subject anaphor ("On Tuesday, it ..."; pass actors.subject-anaphor). */
export const SUBJECT_ANAPHOR_OPENERS: ReadonlySet<string> = new Set(stringList('subjectAnaphorOpeners'));
export const SUBJECT_ANAPHOR_OPENER_ENDS: ReadonlySet<string> = new Set(stringList('subjectAnaphorOpenerEnds'));
