/**
 * The verb lexicon (scripts/data/verb-lexicon.json) compiled into trigger rules.
 *
 * The hand-written triggers of event-rules.json list wordings; the lexicon lists verb frames by
 * CAMEO class instead ("sever / break off / cut + relations or ties", "suspend / halt / cut off +
 * aid or funding"), the way event-coding verb dictionaries do, and this module writes the
 * wordings: each lemma is inflected (regular rules plus the data file's table of irregular and
 * doubling verbs), a bounded gap of up to a few words (determiners, adjectives, possessives) is
 * allowed between the verb and its object, and transitive frames also get their passive
 * ("aid to the region was suspended"). Each verb lemma becomes one rule named
 * `lex.<cameo>.<lemma>`; a passive frame `lex.<cameo>.<entry id>-passive`, an act noun
 * (`the suspension of aid`) `lex.<cameo>.<entry id>`. The rules have the shape of
 * event-rules.json's triggers; events/triggers.ts compiles them.
 *
 * Every regex written here is linear: alternations of literal words, gaps of at most a few
 * words with a word class that cannot contain whitespace, no nested unbounded repetition.
 */
import lexicon from '../../data/verb-lexicon.json' with { type: 'json' };
import type { EventType } from '../types.ts';

export type VerbForm = 'base' | 's' | 'past' | 'participle' | 'ing';
export const ALL_FORMS: readonly VerbForm[] = ['base', 's', 'past', 'participle', 'ing'];

interface Irregular {
  past?: string[];
  participle?: string[];
  ing?: string[];
  s?: string[];
}

export interface LexiconEntry {
  id: string;
  cameo: string;
  type: EventType;
  form?: 'verb' | 'noun';
  lemmas?: string[];
  nouns?: string[];
  preps?: string[];
  particle?: string;
  then?: string[];
  objects?: string[];
  gap?: number;
  tail?: string;
  not?: string[];
  passive?: boolean;
  passiveAux?: 'modal';
  forms?: VerbForm[];
  confidence: number;
}

export interface LexiconData {
  irregular: Record<string, Irregular>;
  doubling: string[];
  classes: Record<string, string[]>;
  entries: LexiconEntry[];
}

/** A trigger rule in the shape of event-rules.json's `triggers`. */
export interface TriggerSpec {
  name: string;
  type: EventType;
  form: 'verb' | 'noun';
  confidence: number;
  pattern: string;
  anchors: string[];
}

const VOWEL = /[aeiou]/;
/** One vowel between consonants at the end of a one-syllable word: "ban", "stop", "strip" (not "w", "x", "y"). */
const SHORT_SYLLABLE = /^[^aeiou]{0,4}[aeiou][^aeiouwxy]$/;

/** The inflected forms of a one-word verb. */
export function inflect(verb: string, data: Pick<LexiconData, 'irregular' | 'doubling'> = lexicon as unknown as LexiconData): Record<VerbForm, string[]> {
  const irr = data.irregular[verb] ?? {};
  const doubles = SHORT_SYLLABLE.test(verb) || data.doubling.includes(verb);
  const last = verb.slice(-1);
  const stemDoubled = doubles ? verb + last : verb;
  const consonantY = verb.endsWith('y') && verb.length > 1 && !VOWEL.test(verb[verb.length - 2] ?? '');
  let s: string;
  if (['s', 'x', 'z', 'ch', 'sh', 'o'].some((end) => verb.endsWith(end))) s = `${verb}es`;
  else if (consonantY) s = `${verb.slice(0, -1)}ies`;
  else s = `${verb}s`;
  let past: string;
  if (verb.endsWith('e')) past = `${verb}d`;
  else if (consonantY) past = `${verb.slice(0, -1)}ied`;
  else past = `${stemDoubled}ed`;
  let ing: string;
  if (verb.endsWith('ie')) ing = `${verb.slice(0, -2)}ying`;
  else if (verb.endsWith('e') && !['ee', 'ye', 'oe'].some((end) => verb.endsWith(end))) ing = `${verb.slice(0, -1)}ing`;
  else ing = `${stemDoubled}ing`;
  const pastForms = irr.past ?? [past];
  return {
    base: [verb],
    s: irr.s ?? [s],
    past: pastForms,
    participle: irr.participle ?? pastForms,
    ing: irr.ing ?? [ing],
  };
}

const WORD_LIST = /^[a-z][a-z ]*[a-z]$/;
const PHRASE = /^[a-z\u00e0-\u00ff][a-z\u00e0-\u00ff '\u2019-]*$/;

/** A literal phrase as a regex source: spaces become `\s+`, apostrophes either kind. */
function phraseSource(phrase: string): string {
  if (!PHRASE.test(phrase)) throw new Error(`verb-lexicon.json: "${phrase}" must be lower-case words`);
  return phrase
    .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
    .replace(/ +/g, '\\s+')
    .replace(/['\u2019]/g, "['\u2019]");
}

const alt = (sources: Iterable<string>): string => `(?:${[...new Set(sources)].join('|')})`;
/** Longest first, so that an alternation prefers "fighter jets" to "fighter". */
const byLength = (list: string[]): string[] => [...new Set(list)].sort((a, b) => b.length - a.length || a.localeCompare(b));

/** A word the gap may skip: anything but a clause boundary word. */
const GAP_WORD = "(?!(?:but|that|which|who|whom|while|when|because|if|after|before|said|says|by)\\b)[\\p{L}\\p{N}'\u2019-]{1,40}\\s+";
const gapSource = (n: number): string => (n > 0 ? `(?:${GAP_WORD}){0,${n}}?` : '');
/**
 * An opening quotation mark a report may put around the object word ('hit 54 "targets"'): it does
 * not keep the object from matching (the rule id stays the entry's; the quote is one optional character).
 */
const OPEN_QUOTE = '["\u201c\u2018\u00ab]?';
const ADVERB = '(?:[\\p{L}-]{1,30}ly\\s+)?';
const PLACE = '@PLACE';
const DAY_OR_MONTH = '(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December)';
/** A capitalised word that is not a weekday or month (case-sensitive patterns only). */
const PLACE_SOURCE = `(?!${DAY_OR_MONTH}\\b)\\p{Lu}\\p{Ll}[\\p{L}'\u2019-]{0,40}`;
const PASSIVE_AUX = '(?:was|were|is|are|has\\s+been|have\\s+been|had\\s+been|being|got)';
const MODAL_AUX = '(?:was|were|is|are|has\\s+been|have\\s+been|had\\s+been|being|(?:will|would|must|should|shall|could|may|might)\\s+be)';
/** A particle that ends in a preposition takes no passive ("talks were pulled out of" is not a frame). */
const PREPOSITIONS = new Set(['of', 'from', 'in', 'on', 'to', 'with', 'at', 'for', 'into']);
const endsInPreposition = (lemma: string): boolean => PREPOSITIONS.has(lemma.slice(lemma.lastIndexOf(' ') + 1));

function expand(list: readonly string[] | undefined, data: LexiconData): string[] {
  const out: string[] = [];
  for (const item of list ?? []) {
    if (item === PLACE) out.push(item);
    else if (item.startsWith('@')) {
      const cls = data.classes[item.slice(1)];
      if (!cls) throw new Error(`verb-lexicon.json: unknown class ${item}`);
      out.push(...cls);
    } else out.push(item);
  }
  return out;
}

/** A source with a case-sensitive part written for both cases of its first letter ("[Rr]eached"). */
const capitalisable = (word: string): string => (/^[a-z]/.test(word) ? `[${word[0]!.toUpperCase()}${word[0]}]${word.slice(1)}` : word);

const firstWord = (phrase: string): string => /^[a-z]+/.exec(phrase)?.[0] ?? '';

/** Verb forms of a (possibly multi-word) lemma: the first word inflected, the rest kept. */
function lemmaForms(lemma: string, forms: readonly VerbForm[], data: LexiconData): { head: string[]; rest: string; ing: Set<string> } {
  if (!WORD_LIST.test(lemma)) throw new Error(`verb-lexicon.json: lemma "${lemma}" must be lower-case ASCII words`);
  const [verb, ...rest] = lemma.split(' ');
  const inflected = inflect(verb!, data);
  const head = byLength(forms.flatMap((f) => inflected[f]));
  const ing = new Set(forms.includes('ing') ? inflected.ing : []);
  return { head, rest: rest.join(' '), ing };
}

function objectSource(objects: string[], placeMode: boolean): string {
  const words = objects.filter((o) => o !== PLACE);
  const parts: string[] = [];
  if (words.length) parts.push(alt(byLength(words).map(phraseSource)));
  if (placeMode) parts.push(PLACE_SOURCE);
  return parts.length === 1 ? parts[0]! : alt(parts);
}

/**
 * A gerund right after a preposition names the act rather than reporting it ("his keenness on
 * resuming talks", "a plan for cutting aid"): the -ing forms are not taken there.
 */
const GERUND_NOT_AFTER = '(?<!\\b(?:on|of|for|about|toward|towards|at|by|without|against|from|in)\\s)';

/** The verb forms of a rule as one alternation, the -ing forms guarded by GERUND_NOT_AFTER. */
function verbHead(head: string[], ing: Set<string>, placeMode: boolean): string {
  const word = (w: string) => (placeMode ? capitalisable(w) : w);
  const finite = head.filter((h) => !ing.has(h)).map(word);
  const gerund = head.filter((h) => ing.has(h)).map(word);
  if (!gerund.length) return alt(finite);
  const guarded = `${GERUND_NOT_AFTER}${alt(gerund)}`;
  return finite.length ? `(?:${guarded}|${finite.join('|')})` : guarded;
}

const notSource = (not: string[] | undefined): string => (not?.length ? `(?!\\s+${alt(byLength(not).map(phraseSource))}\\b)` : '');

/** The trigger rules of one lexicon entry. */
export function compileEntry(entry: LexiconEntry, data: LexiconData = lexicon as unknown as LexiconData): TriggerSpec[] {
  const objects = expand(entry.objects, data);
  const placeMode = objects.includes(PLACE);
  const gap = entry.gap ?? 3;
  const gapPart = placeMode ? (gap > 0 ? '(?:the\\s+)?' : '') : gapSource(gap);
  const tail = entry.tail ? `\\s+${gapSource(3)}${phraseSource(entry.tail)}\\b` : '';
  const objectPart = objects.length ? `\\s+${gapPart}${OPEN_QUOTE}${objectSource(objects, placeMode)}${placeMode ? '' : '\\b'}${tail}` : '\\b';
  const not = notSource(entry.not);
  const prefix = placeMode ? '(?c)' : '';
  const base = { type: entry.type, confidence: entry.confidence };
  const specs: TriggerSpec[] = [];

  if (entry.form === 'noun') {
    const nouns = byLength(entry.nouns ?? []);
    for (const n of nouns) if (!WORD_LIST.test(n)) throw new Error(`verb-lexicon.json: noun "${n}" must be lower-case ASCII words`);
    const nounSrc = placeMode ? alt(nouns.map((n) => capitalisable(n).replace(/ +/g, '\\s+'))) : alt(nouns.map(phraseSource));
    const preps = entry.preps?.length ? `\\s+${alt(entry.preps.map(phraseSource))}` : '';
    specs.push({
      ...base,
      name: `lex.${entry.cameo}.${entry.id}`,
      form: 'noun',
      pattern: `${prefix}\\b${nounSrc}${preps}${objects.length ? objectPart : '\\b'}${not}`,
      anchors: [...new Set(nouns.map(firstWord))],
    });
    return specs;
  }

  const forms = entry.forms ?? ALL_FORMS;
  const particle = entry.particle ? `\\s+${phraseSource(entry.particle)}` : '';
  const then = entry.then?.length
    ? `\\s+${ADVERB}${alt(byLength(expand(entry.then, data)).map(phraseSource))}`
    : '';
  const seen = new Set<string>();
  for (const lemma of entry.lemmas ?? []) {
    const name = `lex.${entry.cameo}.${lemma.replace(/ /g, '-')}`;
    if (seen.has(name)) throw new Error(`verb-lexicon.json: lemma "${lemma}" twice in ${entry.id}`);
    seen.add(name);
    const { head, rest, ing } = lemmaForms(lemma, forms, data);
    const headSrc = verbHead(head, ing, placeMode);
    const restSrc = rest ? `\\s+${phraseSource(rest)}` : '';
    specs.push({
      ...base,
      name,
      form: 'verb',
      pattern: `${prefix}\\b${headSrc}${restSrc}${particle}${then}${objectPart}${not}`,
      anchors: [...new Set(head.map(firstWord))],
    });
  }

  if (entry.passive && objects.length && !placeMode && !entry.then) {
    const participles: string[] = [];
    for (const lemma of entry.lemmas ?? []) {
      if (endsInPreposition(lemma)) continue;
      const { head, rest } = lemmaForms(lemma, ['participle'], data);
      for (const h of head) participles.push(rest ? `${h} ${rest}` : h);
    }
    if (participles.length) {
      const aux = entry.passiveAux === 'modal' ? MODAL_AUX : PASSIVE_AUX;
      const objs = byLength(objects);
      specs.push({
        ...base,
        name: `lex.${entry.cameo}.${entry.id}-passive`,
        form: 'verb',
        pattern: `\\b${alt(objs.map(phraseSource))}\\s+${gapSource(3)}${aux}\\s+${ADVERB}${alt(byLength(participles).map(phraseSource))}\\b`,
        anchors: [...new Set(objs.map(firstWord))],
      });
    }
  }
  return specs;
}

/** All rules of the lexicon, in data-file order (entries, then lemmas within an entry). */
export function compileLexicon(data: LexiconData = lexicon as unknown as LexiconData): TriggerSpec[] {
  const out: TriggerSpec[] = [];
  const names = new Set<string>();
  for (const entry of data.entries) {
    for (const spec of compileEntry(entry, data)) {
      // The same lemma under one CAMEO code in two entries: keep both, named apart by the entry.
      const name = names.has(spec.name) ? `${spec.name}.${entry.id}` : spec.name;
      names.add(name);
      out.push({ ...spec, name });
    }
  }
  return out;
}

export const LEXICON_TRIGGERS: readonly TriggerSpec[] = compileLexicon();
