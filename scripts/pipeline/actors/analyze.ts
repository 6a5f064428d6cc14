/**
 * Finds the actor mentions of one sentence: one trie scan, then context rules (possessives,
 * places, media attributions, roles and names, coreference with earlier sentences).
 */
import type { Actor, ActorMention, MentionKind, SentenceKind } from '../types.ts';
import type { DocState, DynamicPerson } from './doc-state.ts';
import { type ContextWords, type Gazetteer, type GazPayload } from './gazetteer.ts';
import { activeRole, roleActive, type ActiveRole } from './people.ts';
import { executiveKey, roleKeys } from './roles.ts';
import { fullInsideName, hasNonNameWord, isNameWord, MAX_NAME, nameRun, nextToName, normName, shortInsideName, isTitleCase, titleCaseRole } from './names.ts';
import { isCapitalized, isWord, tokenize, type Token } from './text.ts';
import { MENTION_PASSES } from './passes/mentions/index.ts';
import { STATE_KINDS, wordBefore, type MentionContext } from './passes/mentions/context.ts';
import { sortInPlace } from '../sort.ts';
import { HOST_OFFICIAL_VENUE, TITLE_HONORIFICS } from './words.ts';

/** The token after the ranks and honorifics that start at `i` ("General", "Dr."), or `i` when none (actors.title.honorific). */
function skipHonorifics(tokens: Token[], i: number): number {
  let k = i;
  while (k < i + 3 && TITLE_HONORIFICS.words.has(tokens[k]?.raw ?? '')) {
    k++;
    if (tokens[k]?.raw === '.' && tokens[k]!.start === tokens[k - 1]!.end) k++;
  }
  return k;
}

/** One mention plus what the context rules need. */
export interface Found {
  m: ActorMention;
  first: number;
  last: number;
  payload?: GazPayload;
  possessive: boolean;
  /** The person a person or role mention stands for. */
  actor?: Actor;
  roleKeys?: string[];
  /** Display name when the mention is a place ("the Chinese capital" -> "Beijing"). */
  place?: string;
  /** The preposition that made it a place ("in", "off", "to"). */
  prep?: string;
  /** The rule that made it a place when that is not actors.mentions.place ("near the Polish border": actors.mentions.place-demonym). */
  placeRule?: string;
  /** The first place of the list this place belongs to ("to Peru, Chile and Bolivia"). */
  listHead?: Found;
  orgType?: string;
  /** A state name used as a noun modifier ("the Ukraine war", "the Iran nuclear deal"): a topic, not a side. */
  qualifier?: boolean;
  /** The mention pass that made it a victim when that is not the act noun's own object (actors.mentions.victim-again). */
  victimRule?: string;
  /** The rule that made this mention when it is no gazetteer match ("the two leaders": actors.the-two). */
  rule?: string;
}

export interface SentenceAnalysis {
  tokens: Token[];
  found: Found[];
  /** How many groups of states that are no state the sentence names ("the West", "Arab states"). */
  collectives: number;
}

const KIND_OF: Partial<Record<GazPayload['kind'], MentionKind>> = {
  country: 'country',
  demonym: 'demonym',
  capital: 'capital',
  city: 'capital',
  metonym: 'metonym',
  institution: 'institution',
  orgSeat: 'metonym',
  media: 'media',
  organization: 'organization',
  person: 'person',
  personShort: 'person',
  role: 'role',
};


const inTextOrder = (a: Found, b: Found): number => a.first - b.first;

/** Prepositions that make a capital right after them a place. */
const IN_AT = new Set(['in', 'at']);
const STATE_PAYLOADS = new Set<GazPayload['kind']>(['country', 'demonym', 'capital', 'metonym', 'institution']);

export class SentenceAnalyzer {
  constructor(
    private readonly gaz: Gazetteer,
    private readonly words: ContextWords,
  ) {}

  /** All mentions of a sentence, in text order. Updates `state` with the people it names. */
  analyze(text: string, base: number, kind: SentenceKind, state: DocState): SentenceAnalysis {
    const tokens = tokenize(text, base);
    const titleCase: TitleCaseMemo = { tokens, heading: kind === 'heading' };
    const matches = this.gaz.trie.scan(tokens);
    const covered = new Uint8Array(tokens.length);
    let collectives = 0;
    for (const mt of matches) if (mt.entries[0]!.kind === 'collective') collectives++;
    // 1 = covered by a gazetteer phrase; 2 = covered only by a short person name (may still be a surname).
    for (const mt of matches) {
      const weak = mt.entries[0]!.kind === 'personShort';
      for (let i = mt.first; i <= mt.last; i++) covered[i] = weak ? 2 : 1;
    }

    // Token edges of plain state names and demonyms (no cue needed; 1 = name, 2 = demonym): a cue-bound name or
    // demonym listed next to one of its kind is a state too.
    const stateEdges = { first: new Uint8Array(tokens.length), last: new Uint8Array(tokens.length) };
    for (const mt of matches) {
      const e = mt.entries.find((x) => (x.kind === 'country' || x.kind === 'demonym') && !x.cues);
      if (e) {
        stateEdges.first[mt.first] = e.kind === 'country' ? 1 : 2;
        stateEdges.last[mt.last] = e.kind === 'country' ? 1 : 2;
      }
    }
    let found: Found[] = [];
    for (const mt of matches) {
      const f = this.choose(mt.entries, mt.first, mt.last, tokens, covered, titleCase, state, stateEdges);
      if (f) found.push(f);
    }
    this.dynamicSurnames(tokens, covered, found, state);
    this.pronounSpeaker(tokens, found, state);
    this.deicticPlaces(tokens, covered, found, state);
    this.theTwo(tokens, found, state);
    this.theN(tokens, found, state);
    if (found.length === 0) return { tokens, found, collectives };
    sortInPlace(found, inTextOrder);

    const mctx: MentionContext = {
      tokens,
      found,
      byFirst: [],
      words: this.words,
      gaz: this.gaz,
      published: state.published,
      datelineState: () => this.datelineCountry(state),
      homeState: () => this.homeCountry(state),
      hasCue: (cues) => state.hasCue(cues),
    };
    for (const pass of MENTION_PASSES) pass.run(mctx);
    found = mctx.found;
    const byFirst = mctx.byFirst;
    const extra = this.rolesAndNames(found, tokens, covered, state, byFirst, titleCaseOf(titleCase));
    found.push(...extra);
    sortInPlace(found, inTextOrder);
    const kept = found.filter((f) => f.m.kind !== 'role' || f.m.country || f.actor || f.m.organization);
    this.remember(kept, state, tokens);
    return { tokens, found: kept, collectives };
  }

  /** The document's own state: its dateline's place, else the first state its headline names. Cached. */
  homeCountry(state: DocState): string | undefined {
    const cached = state.facts.get('home');
    if (cached !== undefined) return cached === '' ? undefined : String(cached);
    let home = '';
    for (const text of [state.datelinePlace ?? '', state.title]) {
      for (const mt of this.gaz.trie.scan(tokenize(text))) {
        const p = mt.entries[0]!;
        const c = p.kind === 'person' || p.kind === 'personShort' ? this.personOn(p.person!, state.published).r?.country : STATE_PAYLOADS.has(p.kind) ? p.country : undefined;
        if (c) {
          home = c;
          break;
        }
      }
      if (home) break;
    }
    state.facts.set('home', home);
    return home || undefined;
  }

  /** The state of the document's dateline place, if it names one (actors.mentions.generic-institution). Cached. */
  datelineCountry(state: DocState): string | undefined {
    const cached = state.facts.get('dateline-state');
    if (cached !== undefined) return cached === '' ? undefined : String(cached);
    let home = '';
    for (const mt of this.gaz.trie.scan(tokenize(state.datelinePlace ?? ''))) {
      const p = mt.entries[0]!;
      if (STATE_PAYLOADS.has(p.kind) && p.country) {
        home = p.country;
        break;
      }
    }
    state.facts.set('dateline-state', home);
    return home || undefined;
  }

  /** Pick the best acceptable payload of a trie match; undefined when nothing applies. */
  private choose(
    entries: GazPayload[],
    first: number,
    last: number,
    tokens: Token[],
    covered: Uint8Array,
    titleCase: TitleCaseMemo,
    state: DocState,
    stateEdges?: { first: Uint8Array; last: Uint8Array },
  ): Found | undefined {
    // Entries come sorted by priority (the trie keeps them so).
    let listed = false;
    for (const p of entries) {
      if (p.kind === 'blocker' || p.kind === 'collective') return undefined;
      if (p.cues && !state.hasCue(p.cues)) {
        // "Ukraine, Georgia and Moldova": a list of states makes the state reading near-certain (actors.cue.state-list).
        const edge = p.kind === 'country' ? 1 : p.kind === 'demonym' ? 2 : 0;
        if (!(edge && stateEdges && inStateList(tokens, first, last, stateEdges, edge))) continue;
        listed = true;
      }
      if (p.nameLike && nextToName(tokens, first, last, covered, this.words.nameStop) && !titleCaseOf(titleCase)) continue;
      if (p.kind === 'personShort') {
        // "Han Seo-yeon", "Mary Wang": the short name is part of another person's full name.
        if (shortInsideName(tokens, first, last, covered, this.words.nameStop, this.words.nameParticles)) continue;
        const idx = this.pickShort(
          shortsOf(entries),
          tokens,
          first,
          state,
        );
        if (idx === undefined) continue;
        return this.personFound(idx, tokens, first, last, state);
      }
      if (p.kind === 'person' && p.person !== undefined) {
        // "Luis Arce Gomez", "Kim Jong Un" against a listed "Kim Jong": another person's longer name.
        if (!titleCaseOf(titleCase) && fullInsideName(tokens, last, covered, this.words.nameStop) && !this.ownTitleBefore(p.person, tokens, first, state)) {
          // Left uncovered: the name finders may read the longer name ("Luis Arce Gomez, the foreign minister of Peru").
          for (let k = first; k <= last; k++) covered[k] = 0;
          continue;
        }
        // "Mohammed bin Abdulrahman bin Saad": a listed name carried on by a name particle into a name that is none
        // of the person's own is another person's (actors.mention.person-in-longer-name).
        if (this.particleCarriesOn(p.person, tokens, first, last)) {
          for (let k = first; k <= last; k++) covered[k] = 0;
          continue;
        }
        return this.personFound(p.person, tokens, first, last, state);
      }
      const mk = KIND_OF[p.kind];
      if (!mk) continue;
      const country = p.korea ? koreaDefault(this.gaz, state) : p.country;
      const m: ActorMention = { kind: mk, text: span(tokens, first, last, state.text), start: tokens[first]!.start, end: tokens[last]!.end };
      if (country) m.country = country;
      if (p.organization) m.organization = p.organization;
      if (p.kind === 'media') m.attribution = true;
      const f: Found = { m, first, last, payload: p, possessive: false };
      if (listed) f.rule = STATE_LIST_RULE;
      if (p.orgType) f.orgType = p.orgType;
      if (p.roleKey) f.roleKeys = [p.roleKey];
      return f;
    }
    return undefined;
  }

  /**
   * True when a spaced name particle and a capitalised word follow a listed full name ("Mohammed bin Abdulrahman bin
   * Saad") and none of the person's own names goes on that way ("Faisal bin Farhan Al Saud" does): the words are part
   * of a longer name, another person's (rule actors.mention.person-in-longer-name).
   */
  private particleCarriesOn(idx: number, tokens: Token[], first: number, last: number): boolean {
    const particle = tokens[last + 1];
    const word = tokens[last + 2];
    if (!particle || !word || !/^\p{Ll}+$/u.test(particle.raw) || !this.words.nameParticles.spaced.has(particle.norm)) return false;
    if (!isWord(word) || !isCapitalized(word.raw) || particle.start === tokens[last]!.end) return false;
    const person = this.gaz.people[idx]!;
    const said = normName(tokens.slice(first, last + 3).map((t) => t.raw).join(' '));
    return ![person.name, ...(person.aliases ?? [])].some((n) => normName(n).startsWith(said));
  }

  /** Which known person a short name ("Xi", "Lavrov", "Kim") stands for, if any. */
  private pickShort(shorts: GazPayload[], tokens: Token[], first: number, state: DocState): number | undefined {
    const titled = this.afterTitle(tokens, first);
    const ids = [...new Set(shorts.map((s) => s.person).filter((x): x is number => x !== undefined))];
    const seen = ids.filter((i) => state.seen.has(i));
    if (seen.length === 1) return seen[0];
    if (seen.length > 1) return undefined;
    const ok = ids.filter((i) => titled || !this.gaz.people[i]!.shortNeedsContext);
    if (ok.length === 1) return ok[0];
    const current = ok.filter((i) => this.gaz.people[i]!.roles.some((r) => roleActive(r, state.published)));
    return current.length === 1 ? current[0] : undefined;
  }

  /**
   * True when the word before a name is a word of the person's own role on the day ("President Claudia Sheinbaum
   * Pardo") or ends "President-elect": the title vouches for the person despite a longer name.
   */
  private ownTitleBefore(idx: number, tokens: Token[], first: number, state: DocState): boolean {
    const t = tokens[first - 1];
    if (!t || !isWord(t)) return false;
    if (t.norm === 'elect' && tokens[first - 2]?.raw === '-') return true;
    const role = this.personOn(idx, state.published).r;
    if (!role || role.former || !role.role) return false;
    return role.role.toLowerCase().split(/[\s-]+/).includes(t.norm);
  }

  private afterTitle(tokens: Token[], first: number): boolean {
    let k = first - 1;
    if (tokens[k]?.raw === '.') k--;
    const t = tokens[k];
    if (!t) return false;
    return this.words.titles.has(t.norm) || ROLE_WORDS.has(t.norm);
  }

  private readonly personCache = new Map<string, { r: ActiveRole | undefined; keys: string[] }>();

  /** A person's role on the day, cached (people.json is fixed for the process). */
  private personOn(idx: number, day: string): { r: ActiveRole | undefined; keys: string[] } {
    const key = `${idx}|${day}`;
    let hit = this.personCache.get(key);
    if (!hit) {
      const r = activeRole(this.gaz.people[idx]!, day);
      hit = { r, keys: r && !r.former ? roleKeys(r.role) : [] };
      this.personCache.set(key, hit);
    }
    return hit;
  }

  private personFound(idx: number, tokens: Token[], first: number, last: number, state: DocState): Found {
    const p = this.gaz.people[idx]!;
    const { r, keys } = this.personOn(idx, state.published);
    const actor: Actor = { name: p.name };
    if (r?.country) actor.country = r.country;
    if (r?.role) actor.role = r.role;
    const m: ActorMention = {
      kind: 'person',
      text: span(tokens, first, last, state.text),
      start: tokens[first]!.start,
      end: tokens[last]!.end,
      person: { name: p.name, ...(r?.role ? { role: r.role } : {}) },
    };
    if (r?.country) m.country = r.country;
    if (r?.organization) m.organization = r.organization;
    return { m, first, last, possessive: false, actor, roleKeys: keys, payload: { kind: 'person', person: idx } };
  }

  /** Surnames of people introduced earlier by a pattern ("Araghchi" after "Iran's Abbas Araghchi"). */
  private dynamicSurnames(tokens: Token[], covered: Uint8Array, found: Found[], state: DocState): void {
    if (state.dynamic.size === 0) return;
    for (let i = 0; i < tokens.length; i++) {
      if (covered[i]) continue;
      const t = tokens[i]!;
      if (!isCapitalized(t.raw)) continue;
      const d = state.dynamic.get(t.norm);
      if (!d) continue;
      if (d.standalone && !standsAlone(tokens, i, covered, this.words.nameStop)) continue;
      covered[i] = 1;
      const m: ActorMention = { kind: 'person', text: t.raw, start: t.start, end: t.end, person: { name: d.actor.name, ...(d.actor.role ? { role: d.actor.role } : {}) } };
      if (d.actor.country) m.country = d.actor.country;
      found.push({ m, first: i, last: i, possessive: false, actor: d.actor, roleKeys: d.roleKeys, ...(d.rule ? { rule: d.rule } : {}) });
    }
  }

  /**
   * "Liu Jianchao ... Liu met Salwai": a person of the data named in full, with no short name of their own, is later
   * named by the name's first word alone as often as by its last (family name first). Remember that word for the
   * rest of the document (actors.person.leading-name), unless a second person named in full shares it.
   */
  private leadingName(f: Found, state: DocState): void {
    const idx = f.payload?.person;
    if (idx === undefined || !f.actor?.country) return;
    const p = this.gaz.people[idx];
    if (!p || (p.short?.length ?? 0) > 0) return;
    const words = tokenize(p.name).filter(isWord);
    if (words.length < 2) return;
    const w = words[0]!;
    if (w.raw.length < 3 || !isCapitalized(w.raw) || this.words.nameStop.has(w.raw) || state.ambiguousLeading.has(w.norm)) return;
    const had = state.dynamic.get(w.norm);
    if (had && had.actor.name !== f.actor.name) {
      if (had.standalone) state.dynamic.delete(w.norm);
      state.ambiguousLeading.add(w.norm);
      return;
    }
    if (had) return;
    state.dynamic.set(w.norm, { actor: f.actor, roleKeys: f.roleKeys ?? [], rule: LEADING_NAME_RULE, standalone: true });
  }

  /**
   * "He said ...", "..., she told reporters": a sentence-initial "he"/"she", or one right before a speech verb,
   * is the person who led the previous sentence that named someone. Only when this sentence names no person itself.
   */
  private pronounSpeaker(tokens: Token[], found: Found[], state: DocState): void {
    const prev = state.lastSubject;
    if (!prev || found.some((f) => f.m.kind === 'person')) return;
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i]!;
      if (t.norm !== 'he' && t.norm !== 'she') continue;
      const initial = i === 0 || (i === 1 && /^["“‘']$/.test(tokens[0]!.raw));
      if (!initial && !this.words.speechVerbs.has(tokens[i + 1]?.norm ?? '')) continue;
      const m: ActorMention = { kind: 'person', text: t.raw, start: t.start, end: t.end, person: { name: prev.actor.name, ...(prev.actor.role ? { role: prev.actor.role } : {}) } };
      if (prev.actor.country) m.country = prev.actor.country;
      found.push({ m, first: i, last: i, possessive: false, actor: prev.actor, roleKeys: prev.roleKeys });
      return;
    }
  }

  /**
   * Words that name a state only in context: "arrived here" (the dateline's or headline's state), and "the North" /
   * "the South" in a document about the two Koreas.
   */
  private deicticPlaces(tokens: Token[], covered: Uint8Array, found: Found[], state: DocState): void {
    for (let i = 1; i < tokens.length; i++) {
      if (covered[i]) continue;
      const t = tokens[i]!;
      if (t.norm === 'here' && (wordBefore(tokens, i, 2, this.words.arrival) || wordBefore(tokens, i, 2, this.words.motion))) {
        const home = this.homeCountry(state);
        if (!home) continue;
        const m: ActorMention = { kind: 'capital', text: t.raw, start: t.start, end: t.end, country: home, locative: true, destination: true };
        found.push({ m, first: i, last: i, possessive: false, place: state.datelinePlace ?? this.gaz.names.get(home) ?? home, prep: 'in' });
        continue;
      }
      if ((t.raw === 'North' || t.raw === 'South') && tokens[i - 1]!.norm === 'the') {
        const next = tokens[i + 1];
        if (next && isWord(next) && isCapitalized(next.raw)) continue; // "the North Atlantic", "the South China Sea"
        if (!state.hasCue(this.gaz.korea.northCues) || !state.hasCue(this.gaz.korea.southCues)) continue;
        const iso = t.raw === 'North' ? 'PRK' : 'KOR';
        const m: ActorMention = { kind: 'country', text: `${tokens[i - 1]!.raw} ${t.raw}`, start: tokens[i - 1]!.start, end: t.end, country: iso };
        found.push({ m, first: i - 1, last: i, possessive: false, payload: { kind: 'country', country: iso } });
      }
    }
  }

  /**
   * "the two leaders", "both sides", "the two discussed": the states of the two people of the latest sentence that
   * named people of exactly two states, when this sentence names fewer than two states itself.
   */
  private theTwo(tokens: Token[], found: Found[], state: DocState): void {
    if (!state.lastPair && !state.lastStatePair) return;
    // A place word after "in" or "at" ("in Tokyo") is no side of its own (the place passes run later).
    const own = new Set(found.filter((f) => f.m.country && !f.m.locative && !f.m.attribution && !(f.m.kind === 'capital' && IN_AT.has(tokens[f.first - 1]?.norm ?? ''))).map((f) => f.m.country));
    if (own.size >= 2) return;
    for (let i = 0; i + 1 < tokens.length; i++) {
      const a = tokens[i]!.norm;
      const b = tokens[i + 1]!;
      let last = -1;
      let opening = false;
      if (a === 'both' && this.words.pairNouns.has(b.norm)) last = i + 1;
      else if (a === 'the' && b.norm === 'two' && tokens[i + 2]) {
        const c = tokens[i + 2]!.norm;
        if (this.words.pairNouns.has(c) || this.words.pairVerbs.has(c)) last = this.words.pairNouns.has(c) ? i + 2 : i + 1;
        // "the two top diplomats", "the two foreign ministers": one or two lower-case modifiers before the noun
        // (rule actors.the-two).
        for (let k = i + 3; last < 0 && k <= i + 4 && tokens[k]; k++) {
          if (!/^\p{Ll}+$/u.test(tokens[k - 1]!.raw) || this.words.pairVerbs.has(tokens[k - 1]!.norm)) break;
          if (this.words.pairNouns.has(tokens[k]!.norm)) last = k;
        }
      }
      // "The leaders oversaw the signing ...": a sentence opening with a plural of people refers to the last pair of
      // people (never to two states named without people).
      if (last < 0 && i === 0 && a === 'the' && this.words.pairNounsOpening.has(b.norm)) {
        if (!state.lastPair) return;
        last = i + 1;
        opening = true;
      }
      if (last < 0) continue;
      // "the two countries" may also point back to two states named without people ("both sides" may not: it is
      // as often the background of a past conflict).
      const pair = STATE_PAIR_NOUNS.has(tokens[last]!.norm) ? (state.lastStatePair ?? state.lastPair) : state.lastPair;
      if (!pair) return;
      const text = state.text.slice(tokens[i]!.start, tokens[last]!.end);
      const rule = opening ? 'actors.the-two.opening' : 'actors.the-two';
      for (const iso of pair) {
        const m: ActorMention = { kind: 'country', text, start: tokens[i]!.start, end: tokens[last]!.end, country: iso };
        found.push({ m, first: i, last, possessive: false, rule });
      }
      return;
    }
  }

  /**
   * "the three governments", "all four countries": the states of the latest sentence that named exactly that many
   * sides (rule actors.the-n), when this sentence names fewer itself. The nouns are those of "the two" (pairNouns).
   */
  private theN(tokens: Token[], found: Found[], state: DocState): void {
    if (state.lastSides.size === 0) return;
    for (let i = 0; i + 2 < tokens.length; i++) {
      const a = tokens[i]!.norm;
      if (a !== 'the' && a !== 'all') continue;
      const n = NUMBER_WORDS.get(tokens[i + 1]!.norm);
      if (n === undefined || !this.words.pairNouns.has(tokens[i + 2]!.norm)) continue;
      const sides = state.lastSides.get(n);
      if (!sides) return;
      const own = new Set(found.filter((f) => f.m.country && !f.m.locative && !f.m.attribution).map((f) => f.m.country));
      if (own.size >= n) return;
      const text = state.text.slice(tokens[i]!.start, tokens[i + 2]!.end);
      for (const iso of sides) {
        const m: ActorMention = { kind: 'country', text, start: tokens[i]!.start, end: tokens[i + 2]!.end, country: iso };
        found.push({ m, first: i, last: i + 2, possessive: false, rule: 'actors.the-n' });
      }
      return;
    }
  }

  /**
   * Roles and names: "Iranian Foreign Minister Abbas Araghchi" (a new person with country and role),
   * "India's Subrahmanyam Jaishankar", "the Russian foreign minister" (the person seen or in office).
   */
  private rolesAndNames(found: Found[], tokens: Token[], covered: Uint8Array, state: DocState, byFirst: (Found | undefined)[], titleCased: boolean): Found[] {
    const extra: Found[] = [];
    const memo: SentenceMemo = {};
    for (let i = 0; i < found.length; i++) {
      const f = found[i]!;
      const isRole = f.m.kind === 'role';
      const anchorOk = STATE_KINDS.has(f.m.kind) && !f.m.locative && !f.m.attribution && f.m.country;
      if (isRole) {
        const prev = found[i - 1];
        if (prev && ((STATE_KINDS.has(prev.m.kind) && prev.m.country && !prev.m.locative) || prev.m.kind === 'organization')) {
          const gap = f.first - prev.last;
          // "Azerbaijani presidential top foreign policy aide": up to four lower-case words may stand between.
          const modifiers = gap > 1 && gap <= 5 && !prev.possessive && lowerWords(tokens, prev.last + 1, f.first - 1);
          // "Russian foreign ministry deputy press and information director Alexey Fadeev": a longer run of
          // lower-case title words, only when a name follows the title head (actors.long-title).
          const longTitle =
            !modifiers &&
            gap > 5 &&
            gap <= LONG_TITLE_WORDS + 1 &&
            !prev.possessive &&
            titleWordsBetween(tokens, prev.last + 1, f.first - 1, this.words.titleWords) &&
            nameFollows(tokens, f.last + 1, covered, this.words.nameStop);
          if (gap === 1 || (gap === 2 && prev.possessive) || modifiers || longTitle) {
            if (prev.m.country) f.m.country = prev.m.country;
            if (prev.m.organization) f.m.organization = prev.m.organization;
            if (prev.m.attribution) f.m.attribution = true;
            if (longTitle) f.rule = LONG_TITLE_RULE;
          }
        }
        if (!f.m.country && !f.m.organization) {
          // "the foreign minister of Iran", "the president of the Philippines"
          const of = stateAfter(tokens, f.last, byFirst);
          if (of) f.m.country = of;
        }
      }
      if (!isRole && !(anchorOk && f.possessive)) continue;
      // "deputy director of the ministry's press department Maria Lin": the name after the title's complement.
      const ofName = isRole && !titleCased ? nameAfterOfComplement(tokens, f.last, covered, this.words, byFirst) : undefined;
      if (ofName !== undefined) {
        f.rule = tokens.slice(f.last + 1, ofName).some((t) => t.norm === 'in') ? LONG_TITLE_IN_RULE : LONG_TITLE_OF_RULE;
        // "... of the Press Department of the Russian Foreign Ministry NAME": the state the complement names.
        for (let k = f.last + 2; k < ofName && !f.m.country && !f.m.organization; k++) {
          const g = byFirst[k];
          if (g && g.m.country && STATE_KINDS.has(g.m.kind) && !g.m.locative && !g.m.attribution) f.m.country = g.m.country;
        }
      }
      let nameAt = ofName ?? (isRole ? f.last + 1 : f.last + 2);
      // "Prime Minister General X", "President Dr. X": a rank or honorific between the title and the name
      // (actors.title.honorific).
      let honorific = false;
      if (isRole) {
        const k = skipHonorifics(tokens, nameAt);
        if (k !== nameAt && isWord(tokens[k] ?? ({ raw: '' } as Token)) && isCapitalized(tokens[k]!.raw)) {
          nameAt = k;
          honorific = true;
        }
      }
      const nextFound = byFirst[nameAt] ?? (tokens[nameAt]?.raw === ',' ? byFirst[nameAt + 1] : undefined);
      if (nextFound && nextFound.m.kind === 'person') {
        if (isRole && nextFound.actor && !nextFound.actor.country && f.m.country && !nextFound.payload) nextFound.actor.country = f.m.country;
        continue;
      }
      // In a title-case heading every word is capitalised: no name can be told from the words around it.
      let run = titleCased ? undefined : nameRun(tokens, nameAt, covered, this.words.nameStop);
      // "Mauritania's President, Ana Lozada, on Friday": a state's title, then the name set off by commas.
      if (!run && !titleCased && isRole && f.m.country && tokens[nameAt]?.raw === ',') {
        const inner = nameRun(tokens, nameAt + 1, covered, this.words.nameStop);
        if (inner && inner.words >= 2 && tokens[inner.last + 1]?.raw === ',') {
          run = inner;
          f.rule = TITLE_APPOSITION_RULE;
        }
      }
      if (run && hasNonNameWord(tokens, run.first, run.last, this.words.nonNameWords)) continue; // "Israel's Iron Dome", "India's Operation Sindoor"
      const minLen = isRole && (f.m.country || f.m.organization) ? 1 : 2;
      if (run && run.words >= minLen) {
        const name = state.text.slice(tokens[run.first]!.start, tokens[run.last]!.end);
        const actor: Actor = { name };
        // "Foreign Minister Aiko Tanabe" with no state named: the host of the trip under way, else the dateline's or headline's state.
        // "Foreign Minister Maris X of Thailand": the state after the name; else the host of the trip under way,
        // else the dateline's or headline's state.
        memo.byVenue = false;
        const country =
          f.m.country ??
          (isRole && !f.m.organization && !f.roleKeys?.includes('counterpart')
            ? (stateAfter(tokens, run.last, byFirst) ?? this.hostOfficialState(f, found, tokens, state, memo, run.last, extra))
            : undefined);
        if (memo.byVenue && country) f.rule ??= HOST_OFFICIAL_VENUE.id;
        else if (honorific) f.rule ??= TITLE_HONORIFICS.id;
        if (country) actor.country = country;
        let keys: string[] = [];
        if (isRole) {
          if (f.roleKeys?.includes('counterpart')) {
            const peer = counterpartRole(found, i, extra);
            if (peer) {
              actor.role = peer.role;
              keys = peer.keys;
            }
          } else {
            actor.role = titleCaseRole(f.m.text);
            keys = f.roleKeys ?? [];
          }
        }
        const m: ActorMention = { kind: 'person', text: name, start: tokens[run.first]!.start, end: tokens[run.last]!.end, person: { name, ...(actor.role ? { role: actor.role } : {}) } };
        if (country) m.country = country;
        if (f.m.organization) m.organization = f.m.organization;
        if (f.m.attribution) m.attribution = true;
        for (let j = run.first; j <= run.last; j++) covered[j] = 1;
        extra.push({ m, first: run.first, last: run.last, possessive: false, actor, roleKeys: keys, ...(f.rule ? { rule: f.rule } : {}) });
        const dyn: DynamicPerson = f.rule === TITLE_APPOSITION_RULE ? { actor, roleKeys: keys, rule: TITLE_APPOSITION_RULE } : { actor, roleKeys: keys };
        state.dynamic.set(normName(name), dyn);
        const surname = tokens[run.last]!;
        if (surname.raw.length >= 3 && !this.words.nameStop.has(surname.raw)) state.dynamic.set(surname.norm, dyn);
        continue;
      }
      if (isRole && !f.m.country && !f.m.organization && !f.m.attribution && tokens[f.first - 1]?.norm === 'the') {
        // "Ana Lozada, the foreign minister, said": a name before the comma is the official of the home state.
        const home = f.roleKeys?.includes('counterpart') ? undefined : (state.destination ?? this.homeCountry(state));
        const appo = home ? this.appositionName(found, i, tokens, covered, state, home) : undefined;
        if (appo) {
          extra.push(appo);
          continue;
        }
        // "The external affairs minister began his visit": the last person seen in that role.
        const key = (f.roleKeys ?? [])[0];
        const seen = key && SPECIFIC_ROLES.has(key) ? state.lastInRole.get(key) : undefined;
        if (seen) {
          f.actor = seen;
          if (seen.country) f.m.country = seen.country;
          f.m.person = { name: seen.name, ...(seen.role ? { role: seen.role } : {}) };
        }
        continue;
      }
      if (isRole && f.m.country && !f.m.attribution) {
        const appo = this.appositionName(found, i, tokens, covered, state);
        if (appo) extra.push(appo);
        else this.resolveRole(f, state);
      }
    }
    return extra;
  }

  /**
   * The state of an official named by title only ("Foreign Minister Ana Lozada"): the host of the trip under way,
   * else the dateline's or headline's state. None when the official is a guest ("visiting Foreign Minister ...")
   * or meets someone of that very state in this sentence ("Xi met Foreign Minister Ana Lozada" under BEIJING):
   * then the official is the other side, whose state the text does not give here.
   */
  private hostOfficialState(role: Found, found: Found[], tokens: Token[], state: DocState, memo: SentenceMemo, nameLast = role.last, extra: readonly Found[] = []): string | undefined {
    const home = state.destination ?? this.homeCountry(state);
    if (this.words.guestWords.has(tokens[role.first - 1]?.norm ?? '')) return undefined;
    memo.encounter ??= tokens.some((t) => this.words.encounterWords.has(t.norm));
    if (!home) {
      // No home state: in an encounter with an official of a known state, the venue's state.
      const withState = memo.encounter && (found.some((g) => g.m.kind === 'person' && g.actor?.country && !g.m.attribution) || extra.some((g) => g.actor?.country && !g.m.attribution));
      if (!withState) return undefined;
      memo.personStates ??= new Set(found.filter((g) => g.m.kind === 'person' && g.actor?.country && !g.m.attribution).map((g) => g.actor!.country!));
      for (const g of extra) if (g.actor?.country && !g.m.attribution) memo.personStates.add(g.actor.country);
      return this.venueState(found, tokens, memo, '');
    }
    // "Spokeswoman Maly Socheata accused Thailand", "Minister X met his Vietnamese counterpart": the home state
    // named after the person, not as a place, is the other side as often as not: no guess (actors.host-official.other-side).
    const after = found.findIndex((g) => g.first > nameLast && g.m.country === home && STATE_KINDS.has(g.m.kind) && !g.m.locative && !g.m.attribution);
    // Computed once per sentence (linear): the states of the people it names, and whether it tells of a meeting.
    memo.personStates ??= new Set(found.filter((g) => g.m.kind === 'person' && g.actor?.country && !g.m.attribution).map((g) => g.actor!.country!));
    if (after >= 0) {
      // "At the invitation of Prime Minister Y, Vietnamese President X met ...": the home state's own titled official
      // named after the person (no counterpart) is the other side of the encounter, so Y may be of the venue's state.
      const next = found[after + 1];
      const titled = next && next.m.kind === 'role' && next.first - found[after]!.last <= 2 && !next.roleKeys?.includes('counterpart');
      if (!titled || !memo.encounter) return undefined;
      return this.venueState(found, tokens, memo, home);
    }
    // The officials named with their state earlier in this sentence count too ("Vietnamese President X met Prime
    // Minister Y": X is of the home state, so Y is not).
    const homePerson = memo.personStates.has(home) || extra.some((g) => g.actor?.country === home && !g.m.attribution);
    if (homePerson && memo.encounter) return this.venueState(found, tokens, memo, home);
    return home;
  }

  /**
   * "Kenyan President X met Prime Minister Y in Bangkok": in an encounter whose other people are of the home state,
   * an official with a title and an unknown name is of the state where the encounter takes place (a capital or
   * state after "in"/"at", no destination of the home state's people), unless the sentence names a gathering of
   * many states there (a summit, a forum), which a third state may host (rule actors.host-official.venue).
   */
  private venueState(found: Found[], tokens: Token[], memo: SentenceMemo, home: string): string | undefined {
    if (memo.venue === undefined) {
      memo.venue = '';
      if (!tokens.some((t) => HOST_OFFICIAL_VENUE.words.has(t.norm))) {
        const venue = found.find(
          (g) =>
            g.m.locative &&
            g.m.country &&
            (g.m.kind === 'capital' || g.m.kind === 'country') &&
            (g.prep === 'in' || g.prep === 'at') &&
            g.m.country !== home &&
            !memo.personStates!.has(g.m.country),
        );
        if (venue) memo.venue = venue.m.country!;
      }
    }
    // Whether the official's state, if any, is the venue's (the caller names the rule).
    memo.byVenue = memo.venue !== '';
    return memo.venue || undefined;
  }

  /**
   * "Ahmed Attaf, Algeria's foreign minister," / "Ahmed Attaf, the Algerian foreign minister,": a name right
   * before a comma that opens the role phrase gets the role's country and role.
   */
  private appositionName(found: Found[], i: number, tokens: Token[], covered: Uint8Array, state: DocState, home?: string): Found | undefined {
    const role = found[i]!;
    const country = role.m.country ?? home;
    if (!country) return undefined;
    // "Ahmed Attaf, Algeria's foreign minister": the state word opens the apposition; "Ana Lozada, the foreign
    // minister (of Peru)": the role does.
    const anchor = found[i - 1];
    const anchored = !!anchor && !!role.m.country && anchor.m.country === role.m.country && anchor.last >= role.first - 2;
    let k = anchored ? anchor!.first - 1 : role.first - 1;
    if (tokens[k]?.norm === 'the') k--;
    if (tokens[k]?.raw !== ',') return undefined;
    const end = k - 1;
    let already: Found | undefined;
    for (let q = i - 1; q >= 0 && found[q]!.last >= end; q--) if (found[q]!.last === end && found[q]!.m.kind === 'person') already = found[q];
    if (already) {
      if (already.actor && !already.actor.country) already.actor.country = country;
      return undefined;
    }
    let start = end;
    while (start - 1 >= 0 && isNameWord(tokens[start - 1]!, covered[start - 1]!, this.words.nameStop) && end - start < MAX_NAME - 1) start--;
    if (start > end || !isNameWord(tokens[end]!, covered[end]!, this.words.nameStop) || !isNameWord(tokens[start]!, covered[start]!, this.words.nameStop)) return undefined;
    if (end - start < 1) return undefined; // one word is too weak a name
    if (hasNonNameWord(tokens, start, end, this.words.nonNameWords)) return undefined;
    const name = state.text.slice(tokens[start]!.start, tokens[end]!.end);
    const actor: Actor = { name, country, role: titleCaseRole(role.m.text) };
    const keys = role.roleKeys ?? [];
    for (let j = start; j <= end; j++) covered[j] = 1;
    const dyn = { actor, roleKeys: keys };
    state.dynamic.set(normName(name), dyn);
    if (tokens[end]!.raw.length >= 3) state.dynamic.set(tokens[end]!.norm, dyn);
    const m: ActorMention = { kind: 'person', text: name, start: tokens[start]!.start, end: tokens[end]!.end, person: { name, role: actor.role! }, country };
    return { m, first: start, last: end, possessive: false, actor, roleKeys: keys };
  }

  /** "the Russian foreign minister", "Russia's top diplomat" -> the person seen or in office that day. */
  private resolveRole(f: Found, state: DocState): void {
    const country = f.m.country!;
    let keys = f.roleKeys ?? [];
    if (keys.includes('leader')) keys = ['leader', executiveKey(country)];
    // "the director", "the commander" (key official): many people hold such titles; no coreference.
    if (keys.length === 0 || keys.includes('minister') || keys.includes('envoy') || keys.includes('counterpart') || keys.includes('official')) return;
    for (const k of keys) {
      const seen = state.byRole.get(`${country}|${k}`);
      if (seen) {
        f.actor = seen;
        break;
      }
      const ids = (this.gaz.byRole.get(`${country}|${k}`) ?? []).filter((i) =>
        this.gaz.people[i]!.roles.some((r) => (r.country ?? r.organization) === country && roleActive(r, state.published) && roleKeys(r.role).includes(k)),
      );
      if (ids.length === 1) {
        const p = this.gaz.people[ids[0]!]!;
        const r = activeRole(p, state.published);
        f.actor = { name: p.name, country, ...(r?.role ? { role: r.role } : {}) };
        break;
      }
    }
    if (f.actor) f.m.person = { name: f.actor.name, ...(f.actor.role ? { role: f.actor.role } : {}) };
  }

  /** Record people named in this sentence for later sentences. */
  private remember(found: Found[], state: DocState, tokens: Token[]): void {
    // "the two leaders" later: the states of two people named together (two people, two states).
    const states: string[] = [];
    for (const f of found) {
      const c = f.actor?.country ?? (f.m.kind === 'role' ? f.m.country : undefined);
      if (c && !f.m.attribution && !states.includes(c)) states.push(c);
    }
    if (states.length === 2) state.lastPair = states;
    const sides: string[] = [];
    for (const f of found) {
      const c = f.m.country ?? f.actor?.country;
      if (c && STATE_KINDS.has(f.m.kind) && !f.m.locative && !f.m.attribution && !f.m.nonParty && !f.m.topic && !f.qualifier && !sides.includes(c)) sides.push(c);
    }
    if (sides.length === 2) state.lastStatePair = sides;
    else if (states.length === 2) state.lastStatePair = states;
    else if (sides.length > 2) delete state.lastStatePair; // "the two countries" after three states: ambiguous
    // "the three governments" later: a sentence naming exactly three (or more) sides, or a list of that many
    // states ("Mali, Niger and Burkina Faso recalled their envoys from Algeria": three, though it names four).
    const all = [...sides];
    for (const c of states) if (!all.includes(c)) all.push(c);
    if (all.length >= 3 && all.length <= MAX_N) state.lastSides.set(all.length, all);
    for (const list of stateLists(found, tokens)) state.lastSides.set(list.length, list);
    const subject = found.find((f) => f.m.kind === 'person' && f.actor && !f.m.attribution);
    if (subject) state.lastSubject = { actor: subject.actor!, roleKeys: subject.roleKeys ?? [] };
    for (const f of found) {
      if (f.m.destination && f.m.country) state.destination = f.m.country;
      if (f.payload?.kind === 'person' && f.payload.person !== undefined) {
        state.seen.add(f.payload.person);
        if (f.m.kind === 'person') this.leadingName(f, state);
      }
      if (f.actor && (f.m.kind === 'person' || f.m.kind === 'role')) state.noteRole(f.actor, f.roleKeys ?? [], f.actor.country ?? f.m.organization);
    }
  }
}

/** Rule id of a person named again by the first word of a full name met earlier ("Liu" after "Liu Jianchao"). */
const LEADING_NAME_RULE = 'actors.person.leading-name';

/** The word at `i` has no other name word right before or after it ("Liu met", not "Liu He" or "Zhao Liu"). */
function standsAlone(tokens: Token[], i: number, covered: Uint8Array, stop: Set<string>): boolean {
  const next = tokens[i + 1];
  if (next && (isNameWord(next, 0, stop) || (next.raw === '-' && next.start === tokens[i]!.end))) return false;
  const prev = tokens[i - 1];
  return !(prev && i - 1 > 0 && isNameWord(prev, covered[i - 1]!, stop));
}

/** Sentence facts computed at most once per sentence. */
interface SentenceMemo {
  personStates?: Set<string>;
  encounter?: boolean;
  /** The venue state of an encounter (actors.host-official.venue); '' when none. */
  venue?: string;
  /** True when the latest official's state is the venue's. */
  byVenue?: boolean;
}

interface TitleCaseMemo {
  tokens: Token[];
  heading: boolean;
  value?: boolean;
}

function titleCaseOf(t: TitleCaseMemo): boolean {
  if (t.value === undefined) t.value = t.heading || isTitleCase(t.tokens);
  return t.value;
}

function shortsOf(entries: GazPayload[]): GazPayload[] {
  const out: GazPayload[] = [];
  for (const e of entries) if (e.kind === 'personShort') out.push(e);
  return out;
}

/** The state named by "of (the) X" right after token `last`: "the foreign minister of Iran". */
/** True when tokens from..to (inclusive) are all lower-case words ("presidential top foreign policy"). */
function lowerWords(tokens: Token[], from: number, to: number): boolean {
  for (let k = from; k <= to; k++) {
    const t = tokens[k];
    if (!t || !isWord(t) || !/^\p{Ll}+$/u.test(t.raw)) return false;
  }
  return true;
}

function stateAfter(tokens: Token[], last: number, byFirst: (Found | undefined)[]): string | undefined {
  if (tokens[last + 1]?.norm !== 'of') return undefined;
  const of = byFirst[tokens[last + 2]?.norm === 'the' ? last + 3 : last + 2];
  return of && of.m.country && STATE_KINDS.has(of.m.kind) && !of.m.attribution && !of.m.locative ? of.m.country : undefined;
}

/** Role keys specific enough for "the <role>" to name the last person seen in it. */
const SPECIFIC_ROLES = new Set(['foreign minister', 'president', 'prime minister', 'chancellor', 'defence minister', 'king', 'crown prince', 'emir', 'supreme leader', 'secretary-general', 'vice president', 'national security adviser', 'trade minister', 'finance minister', 'minister', 'spokesperson', 'envoy']);
/** Pair nouns that name states, not people: "the two countries" may point back to states named without people. */
/** Words that may stand between the states of one list ("Mali, Niger and Burkina Faso"). */
const LIST_GLUE = new Set([',', 'and', 'the']);

/** Lists of three to MAX_N states named as sides, joined only by commas and "and". */
function stateLists(found: Found[], tokens: Token[]): string[][] {
  const out: string[][] = [];
  let cur: string[] = [];
  let lastTok = -2;
  const flush = () => {
    if (cur.length >= 3 && cur.length <= MAX_N) out.push(cur);
    cur = [];
  };
  for (const f of found) {
    const c = f.m.country ?? f.actor?.country;
    if (!c || !STATE_KINDS.has(f.m.kind) || f.m.locative || f.m.attribution || f.m.nonParty || f.qualifier) continue;
    let joined = cur.length > 0 && f.first > lastTok;
    for (let j = lastTok + 1; j < f.first && joined; j++) joined = LIST_GLUE.has(tokens[j]!.norm);
    if (!joined) flush();
    if (!cur.includes(c)) cur.push(c);
    lastTok = f.last;
  }
  flush();
  return out;
}

/** Numbers of sides "the N countries" may name (actors.the-n). */
const NUMBER_WORDS = new Map<string, number>([
  ['three', 3],
  ['four', 4],
  ['five', 5],
  ['six', 6],
  ['3', 3],
  ['4', 4],
  ['5', 5],
  ['6', 6],
]);
const MAX_N = 6;
const STATE_PAIR_NOUNS = new Set(['countries', 'nations', 'governments', 'neighbours', 'neighbors']);

/** actors.long-title: up to this many lower-case title words between the state and the title head. */
const LONG_TITLE_WORDS = 7;
const LONG_TITLE_RULE = 'actors.long-title';
/** actors.long-title.of: "director of the ministry's press department NAME". */
const LONG_TITLE_OF_RULE = 'actors.long-title.of';
/** actors.long-title.in: "Minister in the Presidency NAME", "Minister of State in the Office of the President NAME". */
const LONG_TITLE_IN_RULE = 'actors.long-title.in';
/** "Mauritania's President, Ana Lozada, said": the name set off by commas after a state's title (blind7 DIAGNOSIS). */
const TITLE_APPOSITION_RULE = 'actors.title.apposition';
/** How many tokens the "of" complement of a title may take before the name. */
const OF_COMPLEMENT_TOKENS = 12;

/** actors.cue.state-list: a state name that needs a cue word counts without one inside a list of other states. */
const STATE_LIST_RULE = 'actors.cue.state-list';
const LIST_JOINERS = new Set(['and', 'or', '&']);

/**
 * True when the span stands in a coordinated list next to a plain state name (kind 1) or demonym (kind 2):
 * "Ukraine, Georgia", "Niger and Georgia", "Georgia, Ukraine and Moldova", "Ukrainian and Georgian officials"
 * (a comma, "and"/"or", or ", and" between).
 */
function inStateList(tokens: Token[], first: number, last: number, edges: { first: Uint8Array; last: Uint8Array }, kind: number): boolean {
  let k = first - 1;
  if (LIST_JOINERS.has(tokens[k]?.norm ?? '')) {
    k--;
    if (tokens[k]?.raw === ',') k--;
    if (k >= 0 && edges.last[k] === kind) return true;
  } else if (tokens[k]?.raw === ',' && k - 1 >= 0 && edges.last[k - 1] === kind) return true;
  k = last + 1;
  if (tokens[k]?.raw === ',') {
    k++;
    if (LIST_JOINERS.has(tokens[k]?.norm ?? '')) k++;
  } else if (LIST_JOINERS.has(tokens[k]?.norm ?? '')) k++;
  else return false;
  return k < tokens.length && edges.first[k] === kind;
}

/** True when a name of two or more words starts at token `at`. */
function nameFollows(tokens: Token[], at: number, covered: Uint8Array, stop: Set<string>): boolean {
  const run = nameRun(tokens, at, covered, stop);
  return !!run && run.words >= 2;
}

/**
 * "deputy director of the ministry's press department Maria Lin": after a title head, "of" and a complement of
 * lower-case words, "the" and possessive markers that ends in an office noun (actor-context.json
 * titleComplementHeads), the index of the name of two or more words that follows; undefined otherwise.
 * "Minister in the Presidency Maria Lin", "Minister of State in the Office of the President Peter Omondi"
 * (actors.long-title.in): an "in" complement too (after "of State" or directly), whose office nouns may be
 * capitalised and may end in a role word ("the President"); the name after it is the titled person, not the role
 * word's holder.
 */
function nameAfterOfComplement(tokens: Token[], last: number, covered: Uint8Array, words: ContextWords, byFirst: (Found | undefined)[]): number | undefined {
  const prep = tokens[last + 1]?.norm;
  if (prep !== 'of' && prep !== 'in') return undefined;
  let inside = prep === 'in';
  for (let k = last + 2; k < tokens.length && k <= last + 1 + OF_COMPLEMENT_TOKENS; k++) {
    const t = tokens[k]!;
    if (t.norm === 'in') inside = true;
    const head = words.titleComplementHeads.has(t.norm) || (inside && byFirst[k]?.m.kind === 'role' && byFirst[k]!.last === k);
    if (head && k > last + 2 && nameFollows(tokens, k + 1, covered, words.nameStop)) return k + 1;
    if (t.norm === "'s" || (isWord(t) && (/^\p{Ll}+$/u.test(t.raw) || covered[k] === 1 || words.titleWords.has(t.norm) || (inside && head) || (t.raw === 'State' && tokens[k - 1]!.norm === 'of')))) continue;
    return undefined;
  }
  return undefined;
}

/**
 * True when tokens from..to (inclusive) are title words: lower-case words, or capitalised words of a written-out
 * title ("Deputy Press and Information Director"; actor-context.json titleWords).
 */
function titleWordsBetween(tokens: Token[], from: number, to: number, titleWords: Set<string>): boolean {
  for (let k = from; k <= to; k++) {
    const t = tokens[k];
    if (!t || !isWord(t) || !(/^\p{Ll}+$/u.test(t.raw) || titleWords.has(t.norm))) return false;
  }
  return true;
}

const ROLE_WORDS = new Set(['minister', 'president', 'premier', 'chancellor', 'secretary', 'spokesman', 'spokeswoman', 'spokesperson', 'diplomat', 'counterpart', 'leader', 'envoy', 'ambassador', 'king', 'emir', 'prince']);

/** The role of the person a "counterpart" mirrors: the nearest person with a role earlier in the sentence. */
function counterpartRole(found: Found[], i: number, extra: Found[]): { role: string; keys: string[] } | undefined {
  const at = found[i]!.first;
  let p: Found | undefined;
  for (let k = i - 1; k >= 0; k--) {
    if (found[k]!.actor?.role) {
      p = found[k];
      break;
    }
  }
  for (const e of extra) if (e.first < at && e.actor?.role && (!p || e.first > p.first)) p = e;
  if (!p?.actor?.role) return undefined;
  return { role: p.actor.role.replace(/^Former /, ''), keys: p.roleKeys ?? [] };
}

function span(tokens: Token[], first: number, last: number, docText: string): string {
  return docText.slice(tokens[first]!.start, tokens[last]!.end);
}

function koreaDefault(gaz: Gazetteer, state: DocState): string {
  const cached = state.facts.get('korea');
  if (typeof cached === 'string') return cached;
  const north = state.hasCue(gaz.korea.northCues);
  const south = state.hasCue(gaz.korea.southCues);
  const iso = north && !south ? 'PRK' : 'KOR';
  state.facts.set('korea', iso);
  return iso;
}

