/**
 * The gazetteer: one token trie built once from world-countries and the data files
 * (country-aliases, metonyms, organizations, people, actor-context). Every phrase carries a
 * payload saying what it stands for.
 */
import countries from 'world-countries';
import aliasData from '../../data/country-aliases.json';
import metonymData from '../../data/metonyms.json';
import orgData from '../../data/organizations.json';
import context from '../../data/actor-context.json';
import { TokenTrie } from './trie.ts';
import { loadPeople, type PersonRecord } from './people.ts';
import { ROLE_DEFS, roleKeys } from './roles.ts';
import { emittedCode } from './codes.ts';

export type GazKind =
  | 'country'
  | 'demonym'
  | 'capital'
  | 'metonym'
  | 'institution'
  | 'orgSeat'
  | 'media'
  | 'organization'
  | 'person'
  | 'personShort'
  | 'role'
  | 'blocker'
  | 'collective'
  | 'city';

export interface GazPayload {
  kind: GazKind;
  country?: string;
  organization?: string;
  orgType?: string;
  /** An organisation name also used for a national body ("Security Council"). */
  homonym?: boolean;
  person?: number;
  roleKey?: string;
  stateMedia?: boolean;
  /** Cue words that must occur in the document for this entry to count. */
  cues?: string[];
  /** A country name that is also a given name or surname. */
  nameLike?: boolean;
  /** A bare "Korea"/"Korean": resolved per document. */
  korea?: boolean;
}

/** Higher wins when several entries share one phrase. */
const PRIORITY: Record<GazKind, number> = {
  blocker: 100,
  collective: 95,
  person: 90,
  organization: 80,
  media: 75,
  metonym: 70,
  institution: 70,
  orgSeat: 70,
  country: 60,
  capital: 50,
  city: 45,
  demonym: 40,
  personShort: 30,
  role: 20,
};

export function payloadPriority(p: GazPayload): number {
  return PRIORITY[p.kind];
}

export interface Gazetteer {
  trie: TokenTrie<GazPayload>;
  people: PersonRecord[];
  /** iso3 -> common name. */
  names: Map<string, string>;
  /** iso3 -> first capital (for "the Chinese capital"). */
  capitals: Map<string, string>;
  /** `${iso3}|${roleKey}` -> people who ever held that role there. */
  byRole: Map<string, number[]>;
  /** Korea cue lists. */
  korea: { northCues: string[]; southCues: string[] };
}

interface AliasFile {
  aliases: Record<string, string[]>;
  demonyms: Record<string, string[]>;
  capitals: Record<string, string[]>;
  dropAltSpellings: string[];
  dropCapitals: string[];
  demonymOwner: Record<string, string>;
  nameLike: string[];
  needsCue: Record<string, string[]>;
  korea: { words: string[]; northCues: string[]; southCues: string[] };
  blockers: string[];
  collectives: string[];
  cities: Record<string, string[]>;
}

interface MetonymItem {
  text: string[];
  country?: string;
  organization?: string;
  needsCue?: string[];
  state?: boolean;
}

interface OrgItem {
  id: string;
  type: string;
  names: string[];
  homonym?: boolean;
}

const LATIN_RE = /^[\p{Script=Latin}\p{M}\s'’.,()\-]+$/u;

/** Build the gazetteer (call once; it takes a few milliseconds). */
export function buildGazetteer(): Gazetteer {
  const A = aliasData as unknown as AliasFile;
  const trie = new TokenTrie<GazPayload>(payloadPriority);
  const names = new Map<string, string>();
  const capitals = new Map<string, string>();
  const nameLike = new Set(A.nameLike);
  const dropAlt = new Set(A.dropAltSpellings);
  const dropCap = new Set(A.dropCapitals);
  /** phrase key -> true once a country-ish phrase was registered (first registration wins). */
  const taken = new Map<string, string>();
  const keyOf = (s: string): string => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[’]/g, "'");

  const addCountryish = (phrase: string, kind: 'country' | 'demonym' | 'capital', iso3: string): void => {
    const t = phrase.trim();
    if (t.length < 2) return;
    const k = `${kind}:${keyOf(t)}`;
    if (taken.has(k)) return;
    taken.set(k, iso3);
    const p: GazPayload = { kind, country: iso3 };
    if (nameLike.has(t)) p.nameLike = true;
    const cues = A.needsCue[t];
    if (cues) p.cues = cues;
    trie.add(t, p);
  };

  // 1. Curated aliases first: they decide ambiguous names ("Congo" -> COD).
  for (const [iso3, list] of Object.entries(A.aliases)) for (const s of list) addCountryish(s, 'country', iso3);
  for (const [iso3, list] of Object.entries(A.demonyms)) for (const s of list) addCountryish(s, 'demonym', iso3);
  for (const [demonym, iso3] of Object.entries(A.demonymOwner)) {
    if (iso3) addCountryish(demonym, 'demonym', iso3);
    else taken.set(`demonym:${keyOf(demonym)}`, '');
  }
  for (const [iso3, list] of Object.entries(A.capitals)) for (const s of list) addCountryish(s, 'capital', iso3);

  // 2. world-countries: UN members first, then other states, then territories; larger first within a tier.
  const ordered = [...countries].sort((a, b) => {
    const tier = (c: typeof a): number => (c.unMember ? 0 : c.independent ? 1 : 2);
    return tier(a) - tier(b) || b.area - a.area;
  });
  for (const c of ordered) {
    const iso3 = emittedCode(c.cca3);
    names.set(iso3, c.name.common);
    const cap = (c.capital ?? []).find((x) => !dropCap.has(x));
    if (cap && !capitals.has(iso3)) capitals.set(iso3, cap);
  }
  for (const iso3 of Object.keys(A.capitals)) {
    const first = A.capitals[iso3]?.[0];
    if (first && iso3 === 'USA') capitals.set(iso3, first);
  }
  for (const c of ordered) {
    const iso3 = emittedCode(c.cca3);
    addCountryish(c.name.common, 'country', iso3);
    addCountryish(c.name.official, 'country', iso3);
    for (const alt of c.altSpellings ?? []) {
      if (alt.length <= 2 || dropAlt.has(alt) || !LATIN_RE.test(alt)) continue;
      addCountryish(alt, 'country', iso3);
    }
    const dem = c.demonyms?.eng;
    if (dem) {
      for (const form of new Set([dem.m, dem.f])) {
        for (const d of form.split(/,\s*|(?<!\s)\s+or\s+/)) {
          if (!d) continue;
          addCountryish(d, 'demonym', iso3);
          if (/(an|i)$/.test(d)) addCountryish(`${d}s`, 'demonym', iso3);
        }
      }
    }
    if (c.independent || c.unMember || iso3 === 'PSE' || iso3 === 'TWN' || iso3 === 'XKX') {
      for (const cap of c.capital ?? []) if (!dropCap.has(cap)) addCountryish(cap, 'capital', iso3);
    }
  }

  // Other cities and regions: places only.
  for (const [iso3, list] of Object.entries(A.cities ?? {})) for (const c of list) trie.add(c, { kind: 'city', country: iso3 });

  // 3. Korea, blockers and collectives.
  for (const w of A.korea.words) trie.add(w, { kind: /an|ans$/.test(w) ? 'demonym' : 'country', korea: true });
  for (const b of A.blockers) trie.add(b, { kind: 'blocker' });
  for (const b of A.collectives) trie.add(b, { kind: 'collective' });

  // 4. Metonyms, institutions, media.
  const M = metonymData as unknown as { seats: MetonymItem[]; institutions: MetonymItem[]; organizationSeats: MetonymItem[]; media: MetonymItem[] };
  for (const s of M.seats) for (const t of s.text) trie.add(t, { kind: 'metonym', country: s.country, cues: s.needsCue });
  for (const s of M.institutions) for (const t of s.text) trie.add(t, { kind: 'institution', country: s.country, cues: s.needsCue });
  for (const s of M.organizationSeats) for (const t of s.text) trie.add(t, { kind: 'orgSeat', organization: s.organization });
  for (const s of M.media) for (const t of s.text) trie.add(t, { kind: 'media', country: s.country, stateMedia: !!s.state });

  // 5. Organisations.
  for (const o of (orgData as unknown as { organizations: OrgItem[] }).organizations) {
    for (const n of o.names) trie.add(n, { kind: 'organization', organization: o.id, orgType: o.type, homonym: o.homonym });
  }

  // 6. People.
  const people = loadPeople();
  const byRole = new Map<string, number[]>();
  people.forEach((p, i) => {
    trie.add(p.name, { kind: 'person', person: i });
    for (const a of p.aliases ?? []) trie.add(a, { kind: 'person', person: i });
    for (const s of p.short ?? []) trie.add(s, { kind: 'personShort', person: i });
    for (const r of p.roles) {
      const where = r.country ?? r.organization;
      if (!where) continue;
      for (const k of roleKeys(r.role)) {
        const key = `${where}|${k}`;
        const list = byRole.get(key) ?? [];
        if (!list.includes(i)) list.push(i);
        byRole.set(key, list);
      }
    }
  });

  // 7. Roles.
  for (const r of ROLE_DEFS) for (const ph of r.phrases) trie.add(ph, { kind: 'role', roleKey: r.key });

  return { trie, people, names, capitals, byRole, korea: { northCues: A.korea.northCues, southCues: A.korea.southCues } };
}

/** Words from actor-context.json, lower-cased into sets. */
export interface ContextWords {
  locative: Set<string>;
  directional: Set<string>;
  motion: Set<string>;
  visitVerbs: Set<string>;
  arrival: Set<string>;
  /** Trip nouns whose time adjunct may stand before "in <state>", the destination ("his trip on Thursday in X"). */
  tripNouns: Set<string>;
  /** Words of a time adjunct between a trip word and "in" ("on Monday evening (Jan 6)"). */
  timeFillers: Set<string>;
  titles: Set<string>;
  nameStop: Set<string>;
  /** Particles inside names ("al-", "bin", "von"): after a known short name they make it part of another name. */
  nameParticles: { joined: Set<string>; spaced: Set<string> };
  mediaWords: Set<string>;
  possessiveCollectives: Set<string>;
  topicWords: Set<string>;
  topicNouns: Set<string>;
  appositionStarters: Set<string>;
  governmentNouns: Set<string>;
  placeNouns: Set<string>;
  actNouns: Set<string>;
  qualifierNouns: Set<string>;
  qualifierAdjectives: Set<string>;
  guestWords: Set<string>;
  encounterWords: Set<string>;
  speechVerbs: Set<string>;
  nonNameWords: Set<string>;
  pairNouns: Set<string>;
  /** "The leaders ..." opening a sentence: the two people of the latest sentence (pairNounsOpening). */
  pairNounsOpening: Set<string>;
  pairVerbs: Set<string>;
  /** Office nouns that end a title's "of" complement before a name ("of the ministry's press department NAME"). */
  titleComplementHeads: Set<string>;
  /** Capitalised words a written-out title may hold between a state and the title's head ("Deputy Press and Information"). */
  titleWords: Set<string>;
}

export function loadContextWords(): ContextWords {
  const C = context as unknown as Record<string, string[]>;
  const low = (xs: string[] | undefined): Set<string> => new Set((xs ?? []).map((x) => x.toLowerCase()));
  const M = metonymData as unknown as { mediaWords: string[] };
  const A = aliasData as unknown as { possessiveCollectives: string[] };
  return {
    locative: low(C.locativePrepositions),
    directional: low(C.directionalPrepositions),
    motion: low(C.motionWords),
    visitVerbs: low(C.directObjectVisitVerbs),
    arrival: low(C.arrivalWords),
    tripNouns: low(C.tripNouns),
    timeFillers: low(C.timeFillers),
    titles: low((C.titles ?? []).map((t) => t.replace(/\.$/, ''))),
    nameStop: new Set(C.nameStopwords ?? []),
    nameParticles: { joined: low(C.nameParticlesJoined), spaced: low(C.nameParticlesSpaced) },
    mediaWords: low(M.mediaWords),
    possessiveCollectives: low(A.possessiveCollectives),
    topicWords: low(C.topicWords),
    topicNouns: low(C.topicNouns),
    appositionStarters: low(C.appositionStarters),
    governmentNouns: low(C.governmentNouns),
    placeNouns: low(C.placeNouns),
    actNouns: low(C.actNouns),
    qualifierNouns: low(C.qualifierNouns),
    qualifierAdjectives: low(C.qualifierAdjectives),
    guestWords: low(C.guestWords),
    encounterWords: low(C.encounterWords),
    speechVerbs: low(C.speechVerbs),
    nonNameWords: low(C.nonNameWords),
    pairNouns: low(C.pairNouns),
    pairNounsOpening: low(C.pairNounsOpening),
    pairVerbs: low(C.pairVerbs),
    titleComplementHeads: low(C.titleComplementHeads),
    titleWords: low(C.titleWords),
  };
}
