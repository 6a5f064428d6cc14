/**
 * Scores extracted events against gold annotations.
 *
 * The matching rules are exactly those of the project's reference scorer (score.mjs):
 * - strict: same type, same day, same set of countries;
 * - relaxed: same type family (meeting~visit, statement~accusation), dates at most one day
 *   apart, and a Jaccard overlap of the country sets of at least 0.5.
 * Per gold article, system events citing that article's document are matched greedily in
 * output order against the still-free gold events, required gold first (so an optional twin
 * does not steal a match). Precision counts every system event; recall counts only required
 * gold events. Pure: no I/O.
 */

export type MatchMode = 'strict' | 'relaxed';
export const MATCH_MODES: readonly MatchMode[] = ['strict', 'relaxed'];

export interface GoldEvent {
  type: string;
  date: string;
  countries: string[];
  required: boolean;
  note?: string;
}

export interface GoldArticle {
  id: string;
  published?: string;
  title?: string;
  url?: string;
  outlet?: string;
  events: GoldEvent[];
}

export interface GoldFile {
  articles: GoldArticle[];
}

/** The few fields of an output event the scorer reads (the rest is carried for reports). */
export interface SystemEvent {
  type: string;
  date: string;
  countries?: string[];
  sources?: { document: string; sentence?: string }[];
  title?: string;
  id?: string;
}

export interface Counts {
  /** System events scored. */
  sys: number;
  /** System events that matched a gold event (required or not). */
  sysMatched: number;
  /** Required gold events. */
  req: number;
  /** Required gold events that were matched. */
  reqMatched: number;
}

export interface PRF {
  precision: number;
  recall: number;
  f1: number;
}

export type ModeScore = Counts & PRF;

export interface ArticleScore {
  id: string;
  sys: number;
  strict: Counts;
  relaxed: Counts;
}

export interface Miss {
  mode: MatchMode;
  article: string;
  gold: GoldEvent;
}

export interface Unmatched {
  mode: MatchMode;
  article: string;
  event: SystemEvent;
}

export interface ScoreResult {
  articles: number;
  /** System events scored (an event citing two gold articles counts in both). */
  systemEvents: number;
  overall: Record<MatchMode, ModeScore>;
  /** Keyed by event type: precision by the system event's type, recall by the gold event's type. */
  byType: Record<string, Record<MatchMode, ModeScore>>;
  perArticle: ArticleScore[];
  misses: Miss[];
  unmatched: Unmatched[];
}

const FAMILY: Record<string, string> = {
  meeting: 'encounter',
  visit: 'encounter',
  statement: 'verbal',
  accusation: 'verbal',
};

/** The type family used by relaxed matching. */
export function typeFamily(type: string): string {
  return FAMILY[type] ?? type;
}

/** Absolute distance in days between two YYYY-MM-DD strings (NaN when either is not a date). */
export function dayDistance(a: string, b: string): number {
  return Math.abs(Date.parse(a) - Date.parse(b)) / 86_400_000;
}

/** Jaccard overlap of two sets of codes; two empty sets overlap fully. */
export function jaccard(a: readonly string[], b: readonly string[]): number {
  const A = new Set(a);
  const B = new Set(b);
  let inter = 0;
  for (const x of A) if (B.has(x)) inter++;
  const union = new Set([...A, ...B]).size;
  return union === 0 ? 1 : inter / union;
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && jaccard(a, b) === 1;
}

interface Normalised {
  type: string;
  date: string;
  countries: string[];
}

/** What the scorer compares: type, the first ten characters of the date, sorted countries. */
export function normaliseEvent(e: SystemEvent): Normalised {
  return { type: e.type, date: String(e.date ?? '').slice(0, 10), countries: [...(e.countries ?? [])].sort() };
}

export const MATCHERS: Record<MatchMode, (s: Normalised, g: GoldEvent) => boolean> = {
  strict: (s, g) => s.type === g.type && s.date === g.date && sameSet(s.countries, g.countries),
  relaxed: (s, g) =>
    typeFamily(s.type) === typeFamily(g.type) && dayDistance(s.date, g.date) <= 1 && jaccard(s.countries, g.countries) >= 0.5,
};

/** Precision, recall and F1 from counts (0 when a denominator is 0). */
export function prf(c: Counts): PRF {
  const precision = c.sys ? c.sysMatched / c.sys : 0;
  const recall = c.req ? c.reqMatched / c.req : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1 };
}

const emptyCounts = (): Counts => ({ sys: 0, sysMatched: 0, req: 0, reqMatched: 0 });

function documentsOf(e: SystemEvent): string[] {
  return (e.sources ?? []).map((s) => s.document);
}

/** One article, one mode: which system events matched and which required gold events were hit. */
export function matchArticle(
  sys: readonly SystemEvent[],
  gold: readonly GoldEvent[],
  mode: MatchMode,
): { matched: boolean[]; hit: Set<GoldEvent> } {
  const match = MATCHERS[mode];
  // Array.prototype.sort is stable: required gold first, otherwise in file order.
  const free = [...gold].sort((a, b) => Number(b.required) - Number(a.required));
  const matched: boolean[] = [];
  const hit = new Set<GoldEvent>();
  for (const s of sys) {
    const n = normaliseEvent(s);
    const i = free.findIndex((g) => match(n, g));
    if (i >= 0) {
      const g = free[i]!;
      if (g.required) hit.add(g);
      free.splice(i, 1);
      matched.push(true);
    } else {
      matched.push(false);
    }
  }
  return { matched, hit };
}

function addCounts(into: Counts, c: Counts): void {
  into.sys += c.sys;
  into.sysMatched += c.sysMatched;
  into.req += c.req;
  into.reqMatched += c.reqMatched;
}

function withPrf(c: Counts): ModeScore {
  return { ...c, ...prf(c) };
}

/** Scores system events against a gold file. */
export function scoreEvents(gold: GoldFile, systemEvents: readonly SystemEvent[]): ScoreResult {
  const totals: Record<MatchMode, Counts> = { strict: emptyCounts(), relaxed: emptyCounts() };
  const typeTotals = new Map<string, Record<MatchMode, Counts>>();
  const typeCounts = (type: string, mode: MatchMode): Counts => {
    let t = typeTotals.get(type);
    if (!t) {
      t = { strict: emptyCounts(), relaxed: emptyCounts() };
      typeTotals.set(type, t);
    }
    return t[mode];
  };
  const perArticle: ArticleScore[] = [];
  const misses: Miss[] = [];
  const unmatched: Unmatched[] = [];

  for (const article of gold.articles) {
    const sys = systemEvents.filter((e) => documentsOf(e).includes(article.id));
    const row: ArticleScore = { id: article.id, sys: sys.length, strict: emptyCounts(), relaxed: emptyCounts() };
    const required = article.events.filter((g) => g.required);
    for (const mode of MATCH_MODES) {
      const { matched, hit } = matchArticle(sys, article.events, mode);
      const c: Counts = {
        sys: sys.length,
        sysMatched: matched.filter(Boolean).length,
        req: required.length,
        reqMatched: hit.size,
      };
      row[mode] = c;
      addCounts(totals[mode], c);
      sys.forEach((s, i) => {
        const tc = typeCounts(s.type, mode);
        tc.sys++;
        if (matched[i]) tc.sysMatched++;
        else unmatched.push({ mode, article: article.id, event: s });
      });
      for (const g of required) {
        const tc = typeCounts(g.type, mode);
        tc.req++;
        if (hit.has(g)) tc.reqMatched++;
        else misses.push({ mode, article: article.id, gold: g });
      }
    }
    perArticle.push(row);
  }

  const byType: Record<string, Record<MatchMode, ModeScore>> = {};
  for (const type of [...typeTotals.keys()].sort()) {
    const t = typeTotals.get(type)!;
    byType[type] = { strict: withPrf(t.strict), relaxed: withPrf(t.relaxed) };
  }
  return {
    articles: gold.articles.length,
    systemEvents: totals.relaxed.sys,
    overall: { strict: withPrf(totals.strict), relaxed: withPrf(totals.relaxed) },
    byType,
    perArticle,
    misses,
    unmatched,
  };
}

/** The reference scorer's one-line summary: rounded to three decimals. */
export function summaryLine(r: ScoreResult): {
  articles: number;
  systemEvents: number;
  strict: PRF;
  relaxed: PRF;
} {
  const round = (p: PRF): PRF => ({
    precision: +p.precision.toFixed(3),
    recall: +p.recall.toFixed(3),
    f1: +p.f1.toFixed(3),
  });
  return { articles: r.articles, systemEvents: r.systemEvents, strict: round(r.overall.strict), relaxed: round(r.overall.relaxed) };
}
