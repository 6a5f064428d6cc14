/**
 * A state word is a party only by its role in the clause; these mention passes mark state words that stand in no
 * role at all (actor-context.json nameHeads, genericInstitutions, patterns clockZone and datelineChain):
 *  - `actors.mentions.in-name`: inside a multiword proper name ("the Vienna Convention", "the Kyiv Independent",
 *    "Afghan Voice Agency", "the Treaty of Moscow").
 *  - `actors.mentions.clock`: a clock's time zone ("at 16:43 Moscow time").
 *  - `actors.mentions.dateline-chain`: every place of a dateline naming several ("MOSCOW/SEOUL -").
 *  - `actors.mentions.generic-institution`: a body name several states use ("the Foreign Office") names the state a
 *    word beside it qualifies, else the dateline's state, else its usual state when the document names it, else the
 *    state the headline names first, else its usual state.
 */
import context from '../../../../data/actor-context.json';
import type { Found } from '../../analyze.ts';
import { isTitleCase } from '../../names.ts';
import { isCapitalized, isWord, type Token } from '../../text.ts';
import { actorPattern } from '../../words.ts';
import { STATE_KINDS, type MentionContext, type MentionPass } from './context.ts';

interface NameHeads {
  id: string;
  maxBetween: number;
  treatyHeads: ReadonlySet<string>;
  outletHeads: ReadonlySet<string>;
  lowerTreatyHeads: ReadonlySet<string>;
  ofHeads: ReadonlySet<string>;
}

const strings = (x: unknown): x is string[] => Array.isArray(x) && x.every((y) => typeof y === 'string');

export const NAME_HEADS: NameHeads = (() => {
  const raw = (context as unknown as { nameHeads?: Record<string, unknown> }).nameHeads;
  if (!raw || typeof raw.id !== 'string' || typeof raw.maxBetween !== 'number' || !strings(raw.treatyHeads) || !strings(raw.outletHeads) || !strings(raw.lowerTreatyHeads) || !strings(raw.ofHeads)) {
    throw new Error('actor-context.json: nameHeads needs id, maxBetween, treatyHeads, outletHeads, lowerTreatyHeads and ofHeads');
  }
  return { id: raw.id, maxBetween: raw.maxBetween, treatyHeads: new Set(raw.treatyHeads), outletHeads: new Set(raw.outletHeads), lowerTreatyHeads: new Set(raw.lowerTreatyHeads), ofHeads: new Set(raw.ofHeads) };
})();

export const GENERIC_INSTITUTIONS: { id: string; names: ReadonlySet<string>; usualCues: ReadonlyMap<string, string[]> } = (() => {
  const raw = (context as unknown as { genericInstitutions?: Record<string, unknown> }).genericInstitutions;
  const cues = raw?.usualCues as Record<string, unknown> | undefined;
  if (!raw || typeof raw.id !== 'string' || !strings(raw.names) || !cues || !Object.values(cues).every(strings)) {
    throw new Error('actor-context.json: genericInstitutions needs id, names and usualCues (state -> cue words)');
  }
  return { id: raw.id, names: new Set(raw.names.map((n) => n.toLowerCase())), usualCues: new Map(Object.entries(cues as Record<string, string[]>)) };
})();

const CLOCK = actorPattern('clockZone');
const DATELINE_CHAIN = actorPattern('datelineChain');

/** The kinds of state word a name may be built on ("Vienna", "Afghan", "Qatar"). */
const NAME_KINDS = new Set(['country', 'demonym', 'capital']);

/** Words that may carry a treaty's name on after its head ("the Vienna Convention on Diplomatic Relations"). */
const NAME_CONTINUERS = new Set(['on', 'of', 'for']);

function isNameWord(t: Token | undefined): boolean {
  return !!t && isWord(t) && isCapitalized(t.raw);
}

/** True when the capitalised name ends at token `k`: no capitalised word carries it on ("the Jakarta Convention Center" is a venue). */
function nameEndsAt(tokens: Token[], k: number): boolean {
  const next = tokens[k + 1];
  if (!next || !isWord(next)) return true;
  return !isCapitalized(next.raw) || NAME_CONTINUERS.has(next.norm);
}

/** The head of a proper name the mention stands inside, or undefined. */
function nameHeadOf(f: Found, tokens: Token[], byFirst: (Found | undefined)[]): string | undefined {
  if (!NAME_KINDS.has(f.m.kind) || f.possessive || tokens[f.last + 1]?.norm === "'s") return undefined;
  // "the Treaty of Moscow", "the Declaration of Doha": a treaty head, "of", then the capital.
  const of = tokens[f.first - 1];
  const head = tokens[f.first - 2];
  if (f.m.kind === 'capital' && of?.norm === 'of' && head && NAME_HEADS.ofHeads.has(head.raw) && tokens[f.first - 3]?.norm === 'the') return head.raw;
  // "the Minsk agreements": a capital right before a lower-case treaty noun.
  const after = tokens[f.last + 1];
  if (f.m.kind === 'capital' && after && NAME_HEADS.lowerTreatyHeads.has(after.raw)) return after.raw;
  // "the Vienna Convention", "the Tokyo Herald Tribune", "Afghan Voice Agency": capitalised words up to a head; a
  // state's own name before a treaty head names a side ("the Sri Lanka-Thailand Free Trade Agreement").
  const capital = f.m.kind === 'capital';
  for (let k = f.last + 1; k <= f.last + 1 + NAME_HEADS.maxBetween; k++) {
    const t = tokens[k];
    if (!isNameWord(t) || byFirst[k]) return undefined;
    const head = NAME_HEADS.outletHeads.has(t!.raw) || (capital && NAME_HEADS.treatyHeads.has(t!.raw));
    if (head && nameEndsAt(tokens, k)) return t!.raw;
  }
  return undefined;
}

/** Pass `actors.mentions.in-name`: a state word inside the proper name of a treaty, outlet or company is no party. */
export const inNames: MentionPass = {
  id: NAME_HEADS.id,
  run(ctx) {
    let titleCase: boolean | undefined;
    for (const f of ctx.found) {
      if (!f.m.country || f.m.nonParty) continue;
      const head = nameHeadOf(f, ctx.tokens, ctx.byFirst);
      if (!head) continue;
      // In a title-case heading every word is capitalised: no name can be told from the words around it.
      titleCase ??= isTitleCase(ctx.tokens);
      if (titleCase) return;
      f.m.nonParty = 'name';
      f.m.locative = false;
      delete f.m.destination;
      delete f.place;
      delete f.prep;
    }
  },
};

/** Pass `actors.mentions.clock`: "at 16:43 Moscow time": a time zone names no party. */
export const clocks: MentionPass = {
  id: CLOCK.id,
  run(ctx) {
    for (const f of ctx.found) {
      if (!f.m.country || !NAME_KINDS.has(f.m.kind) || f.possessive) continue;
      const t = ctx.tokens[f.last + 1];
      if (t?.norm !== 'time') continue;
      const rest = ctx.tokens.slice(f.last + 1, f.last + 4).map((x, i, a) => (i > 0 && x.start > a[i - 1]!.end ? ' ' : '') + x.raw).join('');
      if (!CLOCK.re.test(` ${rest} `)) continue;
      f.m.nonParty = 'clock';
    }
  },
};

const DATELINE_ENDS = new Set(['(', ',', '-', '—', '–', ':']);

/** Pass `actors.mentions.dateline-chain`: "MOSCOW/SEOUL - ...": every place of the dateline is where the story was filed. */
export const datelineChain: MentionPass = {
  id: DATELINE_CHAIN.id,
  run(ctx) {
    const tokens = ctx.tokens;
    if (!tokens.some((t, i) => i < 8 && t.raw === '/')) return;
    // The chain: all-capitals words and slashes from the sentence start.
    let end = -1;
    for (let i = 0; i < Math.min(tokens.length, 16); i++) {
      const t = tokens[i]!;
      if (t.raw === '/' || (isWord(t) && /\p{Lu}/u.test(t.raw) && t.raw === t.raw.toUpperCase())) end = i;
      else break;
    }
    if (end < 2 || !DATELINE_ENDS.has(tokens[end + 1]?.raw ?? '')) return;
    const text = tokens.slice(0, end + 1).map((x, i, a) => (i > 0 && x.start > a[i - 1]!.end ? ' ' : '') + x.raw).join('');
    if (!DATELINE_CHAIN.re.test(text)) return;
    for (const f of ctx.found) {
      if (f.last > end || !f.m.country || f.m.locative) continue;
      f.m.locative = true;
      f.placeRule = DATELINE_CHAIN.id;
    }
  },
};

/** The state a state word at token `k` names, when it is one. */
function stateAt(ctx: MentionContext, k: number): string | undefined {
  const g = ctx.byFirst[k];
  return g && g.m.country && STATE_KINDS.has(g.m.kind) ? g.m.country : undefined;
}

/**
 * Pass `actors.mentions.generic-institution`: "the Foreign Office" is Britain's only when nothing names another state
 * for it. Runs after actors.mentions.homonym, which gives it to a state word right before it.
 */
export const genericInstitutions: MentionPass = {
  id: GENERIC_INSTITUTIONS.id,
  run(ctx) {
    for (const f of ctx.found) {
      if (f.m.kind !== 'institution' || !f.payload || f.payload.kind !== 'institution') continue;
      if (!GENERIC_INSTITUTIONS.names.has(f.m.text.toLowerCase().replace(/\s+/g, ' '))) continue;
      if (f.m.country !== f.payload.country) continue; // qualified before it (actors.mentions.homonym)
      if (stateAt(ctx, f.first - 1)) continue;
      // "the Foreign Office of Pakistan", "the Foreign Office in Islamabad"
      const prep = ctx.tokens[f.last + 1]?.norm;
      const after = prep === 'of' || prep === 'in' ? (stateAt(ctx, f.last + 2) ?? (ctx.tokens[f.last + 2]?.norm === 'the' ? stateAt(ctx, f.last + 3) : undefined)) : undefined;
      const usual = f.payload.country;
      const cues = usual ? GENERIC_INSTITUTIONS.usualCues.get(usual) : undefined;
      const country = after ?? ctx.datelineState?.() ?? (usual && cues && ctx.hasCue?.(cues) ? usual : undefined) ?? ctx.homeState?.() ?? usual;
      if (country === usual) continue;
      // The trace step that adds the state names this rule (actors.scope.clause reads `rule`).
      f.rule = GENERIC_INSTITUTIONS.id;
      if (country) f.m.country = country;
      else delete f.m.country;
    }
  },
};
