/**
 * Places are mentions, not parties: "in Doha", "arrived in Beijing", "a visit to North Korea", a dateline.
 *  - `actors.mentions.place`: the preposition or verb before a state word makes it a place (or a destination).
 *  - `actors.mentions.place-demonym`: a demonym inside a locative phrase of place ("near the Polish border") is a place too.
 *  - `actors.mentions.place-list`: "to Peru, Chile and Bolivia": the whole list is places.
 *  - `actors.mentions.city`: cities other than capitals only ever name places.
 */
import type { Found } from '../../analyze.ts';
import { isCapitalized, isWord, type Token } from '../../text.ts';
import { DEMONYM_PLACE, PLACE_ADJECTIVES } from '../../words.ts';
import { PLACE_KINDS, wordBefore, type MentionContext, type MentionPass } from './context.ts';

/** "in Doha", "arrived in Beijing", "a visit to North Korea", "visited China"; a dateline "BEIJING (Reuters) -". */
export function markPlace(ctx: MentionContext, f: Found, tokens: Token[]): void {
  if (!PLACE_KINDS.has(f.m.kind) && !(f.m.kind === 'metonym' && f.m.organization)) return;
  if (f.possessive) {
    // "in Japan's exclusive economic zone", "off Japan's Okushiri Island", "in Russia's Kursk region"
    const prep = tokens[f.first - 1]?.norm === 'the' ? tokens[f.first - 2] : tokens[f.first - 1];
    if (prep && ctx.words.locative.has(prep.norm) && placeFollows(ctx, tokens, f.last + 2)) {
      f.m.locative = true;
      f.place = f.m.text;
      f.prep = prep.norm;
    }
    return;
  }
  if (f.first === 0 && isDateline(tokens, f.last)) {
    f.m.locative = true; // where the story was filed, not where the event happened: no `place`
    return;
  }
  let k = f.first - 1;
  // "in neighbouring Congo", "in the occupied West Bank": one adjective of place before the name.
  if (PLACE_ADJECTIVES.has(tokens[k]?.norm ?? '')) k--;
  if (tokens[k]?.norm === 'the') k--;
  const prep = tokens[k];
  if (!prep) return;
  const w = ctx.words;
  if (betweenPlaces(ctx, tokens, k)) {
    // "into the sea between the Korean peninsula and Japan"
    f.m.locative = true;
    f.place = f.m.text;
    return;
  }
  if (w.locative.has(prep.norm)) {
    if (prep.norm === 'in' && w.governmentNouns.has(tokens[k - 1]?.norm ?? '')) return; // "the government in Caracas"
    f.m.locative = true;
    if (prep.norm === 'in' && (wordBefore(tokens, k, 2, w.arrival) || tripThenTime(ctx, tokens, k))) f.m.destination = true;
  } else if (w.directional.has(prep.norm)) {
    if (wordBefore(tokens, k, 4, w.motion)) {
      f.m.locative = true;
      if (prep.norm !== 'from') f.m.destination = true;
    }
  } else if (w.visitVerbs.has(prep.norm) && k === f.first - 1) {
    f.m.locative = true;
    f.m.destination = true;
  }
  if (f.m.locative && !f.place) f.place = f.m.text;
  if (f.m.locative) f.prep = prep.norm;
}

/** Determiners between a preposition and a demonym of place ("near the Polish border", "in a village"). */
const DETERMINERS = new Set(['the', 'a', 'an']);
/** Words that join two demonyms sharing one place noun ("the Polish-Belarusian border", "the Polish and Lithuanian borders"). */
const DEMONYM_JOINS = new Set(['-', '–', '/', 'and']);
/** Prepositions after which the demonym's state is where the act happens, named in a title ("drills in Norwegian waters": "in Norway"). */
const PLACE_NAMED = new Set(['in', 'at', 'inside', 'within']);
/** Place nouns that are not the state itself: "in Japanese waters" is not "in Japan", so the title names no place. */
const PLACE_NOT_STATE = new Set(['waters', 'airspace', 'coast', 'coastline', 'border', 'borders', 'frontier', 'side', 'zone', 'sea', 'seas']);

/**
 * "near the Polish border", "off the Japanese coast", "in Norwegian waters", "on the Georgian side of the border":
 * a demonym inside a locative phrase of place is a place, as a state name there already is (rule
 * actors.mentions.place-demonym; words in actor-context.json demonymPlace). The place noun comes within three words
 * after the demonym; before it stand at most a place adjective, a determiner and a place adjective, then a locative
 * preposition ('on' only before a side, border or coast). After "in" and a trip word it is the trip's destination.
 */
export function markDemonymPlace(ctx: MentionContext, f: Found, tokens: Token[], demonymAt: ReadonlyMap<number, Found>): void {
  if (f.m.kind !== 'demonym' || f.possessive || f.m.locative || !f.m.country) return;
  const noun = demonymPlaceNoun(ctx, tokens, f.last + 1, demonymAt);
  if (!noun) return;
  let k = f.first - 1;
  // "the Polish-Belarusian border": the second demonym shares the first one's phrase.
  for (;;) {
    const before = DEMONYM_JOINS.has(tokens[k]?.norm ?? '') ? demonymEndingAt(demonymAt, k - 1) : undefined;
    if (!before) break;
    k = before.first - 1;
  }
  if (PLACE_ADJECTIVES.has(tokens[k]?.norm ?? '')) k--;
  if (DETERMINERS.has(tokens[k]?.norm ?? '')) k--;
  if (PLACE_ADJECTIVES.has(tokens[k]?.norm ?? '')) k--;
  const prep = tokens[k];
  if (!prep) return;
  if (!ctx.words.locative.has(prep.norm) && !(prep.norm === 'on' && DEMONYM_PLACE.onNouns.has(noun))) return;
  f.m.locative = true;
  f.prep = prep.norm;
  f.placeRule = DEMONYM_PLACE.id;
  if (PLACE_NAMED.has(prep.norm) && !PLACE_NOT_STATE.has(noun)) f.place = ctx.gaz.names.get(f.m.country) ?? f.m.text;
  // "arrived in the Turkish resort of Antalya": a trip's destination, as "arrived in Turkey" is.
  if (prep.norm === 'in' && (wordBefore(tokens, k, 2, ctx.words.arrival) || tripThenTime(ctx, tokens, k))) f.m.destination = true;
}

/**
 * The place noun of a demonym phrase starting at token `at`: at most two words between (demonymPlace.between, place
 * adjectives, other place nouns, capitalised names), a joined demonym skipped; none when the noun opens a compound
 * ("coast guard", "border forces") or owns what follows ("the Turkish side's").
 */
function demonymPlaceNoun(ctx: MentionContext, tokens: Token[], at: number, demonymAt: ReadonlyMap<number, Found>): string | undefined {
  let between = 0;
  for (let j = at; j < tokens.length; ) {
    const t = tokens[j]!;
    if (DEMONYM_JOINS.has(t.norm)) {
      const d = demonymAt.get(j + 1);
      if (!d) return undefined;
      j = d.last + 1;
      continue;
    }
    if (!isWord(t)) return undefined;
    if (DEMONYM_PLACE.nouns.has(t.norm)) {
      const next = tokens[j + 1];
      if (next && (DEMONYM_PLACE.compoundHeads.has(next.norm) || next.norm === "'s" || next.norm === "'")) return undefined;
      return t.norm;
    }
    const filler = DEMONYM_PLACE.between.has(t.norm) || PLACE_ADJECTIVES.has(t.norm) || (isCapitalized(t.raw) && !ctx.words.nameStop.has(t.raw));
    if (!filler || ++between > 2) return undefined;
    j++;
  }
  return undefined;
}

/** The demonym mention whose last token is `last`. */
function demonymEndingAt(demonymAt: ReadonlyMap<number, Found>, last: number): Found | undefined {
  for (const d of demonymAt.values()) if (d.last === last) return d;
  return undefined;
}

/**
 * Token k ("in") follows a trip word and nothing but a time adjunct: "started his trip on Thursday in
 * X", "arrived on Monday evening (Jan 6) in X". Words other than time words ("the visit comes amid
 * tensions in X") end the look-back.
 */
function tripThenTime(ctx: MentionContext, tokens: Token[], k: number): boolean {
  const w = ctx.words;
  for (let j = k - 1; j >= Math.max(0, k - 9); j--) {
    const norm = tokens[j]!.norm;
    if (w.tripNouns.has(norm) || w.arrival.has(norm)) return true;
    if (!w.timeFillers.has(norm) && !/^\d{1,4}$/.test(norm)) return false;
  }
  return false;
}

/** "in Ukraine, Afghanistan, Syria or Yemen", "visits to China, Japan and Korea": the whole list is places. */
export function placeLists(ctx: MentionContext, found: Found[], tokens: Token[]): void {
  for (let i = 1; i < found.length; i++) {
    const prev = found[i - 1]!;
    const f = found[i]!;
    if (!prev.m.locative || f.m.locative || f.possessive || !PLACE_KINDS.has(f.m.kind) || !f.m.country) continue;
    let ok = f.first > prev.last + 1;
    for (let j = prev.last + 1; j < f.first && ok; j++) ok = LIST_GLUE.has(tokens[j]!.norm);
    // "in the U.S. capital Washington", "in the Chinese capital, Beijing": the capital named after its state's
    // place is the same place (only a comma or "capital"/"city" between, same state).
    if (!ok && f.m.country === prev.m.country && f.first - prev.last <= 3) {
      ok = true;
      for (let j = prev.last + 1; j < f.first && ok; j++) ok = CAPITAL_GLUE.has(tokens[j]!.norm);
    }
    if (!ok) continue;
    f.m.locative = true;
    if (prev.m.destination) f.m.destination = true;
    f.place = f.m.text;
    if (prev.prep) f.prep = prev.prep;
    f.listHead = prev.listHead ?? prev;
  }
}

/** Token k is "between" (or the "and" of "between X and") right after a place noun: "the sea between X and Y". */
export function betweenPlaces(ctx: MentionContext, tokens: Token[], k: number): boolean {
  let b = k;
  if (tokens[k]?.norm === 'and') {
    b = -1;
    for (let j = k - 1; j >= Math.max(0, k - 6); j--) {
      if (tokens[j]!.norm === 'between') {
        b = j;
        break;
      }
    }
  }
  if (b < 1 || tokens[b]?.norm !== 'between') return false;
  return ctx.words.placeNouns.has(tokens[b - 1]!.norm);
}

/** After "Japan's": a place noun within three words ("exclusive economic zone") or a capitalised place name. */
export function placeFollows(ctx: MentionContext, tokens: Token[], at: number): boolean {
  for (let j = at; j < Math.min(tokens.length, at + 4); j++) {
    const t = tokens[j]!;
    if (!isWord(t)) return false;
    if (ctx.words.placeNouns.has(t.norm)) return true;
    if (j === at && isCapitalized(t.raw) && !ctx.words.nameStop.has(t.raw)) return true;
  }
  return false;
}

/** An all-caps place opening a sentence and followed by "(", ",", or a dash: a dateline. */
function isDateline(tokens: Token[], last: number): boolean {
  for (let i = 0; i <= last; i++) {
    const r = tokens[i]!.raw;
    if (isWord(tokens[i]!) && r !== r.toUpperCase()) return false;
  }
  const next = tokens[last + 1]?.raw;
  return next === '(' || next === ',' || next === '-' || next === '—' || next === '–';
}

const LIST_GLUE = new Set([',', 'and', 'or', 'the']);
const CAPITAL_GLUE = new Set([',', 'capital', 'city']);

export const places: MentionPass = {
  id: 'actors.mentions.place',
  run(ctx) {
    for (const f of ctx.found) markPlace(ctx, f, ctx.tokens);
    const demonymAt = new Map<number, Found>();
    for (const f of ctx.found) if (f.m.kind === 'demonym' && !f.possessive) demonymAt.set(f.first, f);
    if (demonymAt.size > 0) for (const f of demonymAt.values()) markDemonymPlace(ctx, f, ctx.tokens, demonymAt);
  },
};

export const placeListsPass: MentionPass = {
  id: 'actors.mentions.place-list',
  run(ctx) {
    placeLists(ctx, ctx.found, ctx.tokens);
  },
};

/** "a missile attack on Kharkiv", "strikes against Odesa": a city right after an act noun and 'on'/'against' is where the act hits. */
const HIT_PREPS = new Set(['on', 'against']);

export const citiesArePlaces: MentionPass = {
  id: 'actors.mentions.city',
  run(ctx) {
    for (const f of ctx.found) {
      if (f.payload?.kind !== 'city' || f.m.locative) continue;
      const prep = ctx.tokens[f.first - 1];
      const noun = ctx.tokens[f.first - 2];
      if (prep && noun && HIT_PREPS.has(prep.norm) && ctx.words.actNouns.has(noun.norm)) {
        f.m.locative = true;
        f.place = f.m.text;
        f.prep = 'at';
      }
    }
    if (ctx.found.some((f) => f.payload?.kind === 'city' && !f.m.locative)) ctx.found = ctx.found.filter((f) => f.payload?.kind !== 'city' || f.m.locative);
  },
};
