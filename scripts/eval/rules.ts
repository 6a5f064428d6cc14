/**
 * Rules judged by evidence: which rule ids decided the events of a traced run, and how often the
 * events they decided matched gold (`npm run eval -- --rules`), and one event's whole trace
 * (`npm run eval -- --explain <event id>`). Pure functions over a traced run; the run itself
 * (pipeline with `trace: true`) is done by scripts/eval.ts.
 *
 * A merged event keeps its members' traces once the merge stage carries them (`event.trace`);
 * until then, and for events whose merge kept none, its trace is the concatenation of the traces
 * of the extracted reports it was built from, found through their sources.
 */
import type { Trace, TraceStep } from '../pipeline/trace.ts';
import type { ExtractedEvent } from '../pipeline/types.ts';
import { MATCH_MODES, matchArticle, type GoldFile, type MatchMode, type SystemEvent } from './score.ts';

/** The fields of an output event these reports read. */
export interface TracedEvent extends SystemEvent {
  id: string;
  trace?: readonly { stage: string; rule: string; action: string; detail?: string }[];
  sources?: { document: string; sentence?: string; start?: number; end?: number; trigger?: { start: number; end: number } }[];
}

const sourceKey = (document: string, start: number | undefined, end: number | undefined) => `${document}\u0000${start ?? ''}\u0000${end ?? ''}`;

/**
 * Each merged event's trace: its own when the merge kept one, else its members' (extracted
 * events citing the same sentence, the same trigger first), in source order.
 */
export function eventTraces(events: readonly TracedEvent[], extracted: readonly ExtractedEvent[]): Map<string, Trace> {
  const bySentence = new Map<string, ExtractedEvent[]>();
  for (const e of extracted) {
    const k = sourceKey(e.source.document, e.source.start, e.source.end);
    const list = bySentence.get(k);
    if (list) list.push(e);
    else bySentence.set(k, [e]);
  }
  const out = new Map<string, Trace>();
  for (const ev of events) {
    if (ev.trace?.length) {
      out.set(ev.id, ev.trace as TraceStep[]);
      continue;
    }
    const steps: Trace = [];
    for (const s of ev.sources ?? []) {
      const members = bySentence.get(sourceKey(s.document, s.start, s.end)) ?? [];
      const sameTrigger = members.filter((m) => s.trigger && m.source.trigger.start === s.trigger.start);
      const pick = sameTrigger.length ? sameTrigger : members.filter((m) => m.type === ev.type && m.date === ev.date);
      for (const m of pick) steps.push(...(m.trace ?? []));
    }
    out.set(ev.id, steps);
  }
  return out;
}

/** Ids of the system events that matched a gold event, per mode (events citing a gold article only). */
export function matchedIds(gold: GoldFile, events: readonly TracedEvent[]): Record<MatchMode, Set<string>> {
  const out: Record<MatchMode, Set<string>> = { strict: new Set(), relaxed: new Set() };
  for (const article of gold.articles) {
    const sys = events.filter((e) => (e.sources ?? []).some((s) => s.document === article.id));
    for (const mode of MATCH_MODES) {
      const { matched } = matchArticle(sys, article.events, mode);
      sys.forEach((e, i) => {
        if (matched[i]) out[mode].add(e.id);
      });
    }
  }
  return out;
}

export interface RuleStat {
  rule: string;
  /** Traces naming the rule: emitted events' reports and dropped candidates. */
  fired: number;
  /** Scored events (citing a gold article) whose trace names the rule. */
  events: number;
  strict: number;
  relaxed: number;
}

/**
 * Per rule id: how often it fired (each trace counted once per rule), how many scored events it
 * took part in, and how many of those matched gold. `scored` are the ids of events citing a gold
 * article; events of other documents count as firings only.
 */
export function ruleStats(
  traces: ReadonlyMap<string, Trace>,
  dropped: readonly Trace[],
  scored: ReadonlySet<string>,
  matched: Record<MatchMode, ReadonlySet<string>>,
): RuleStat[] {
  const stats = new Map<string, RuleStat>();
  const stat = (rule: string): RuleStat => {
    let s = stats.get(rule);
    if (!s) {
      s = { rule, fired: 0, events: 0, strict: 0, relaxed: 0 };
      stats.set(rule, s);
    }
    return s;
  };
  for (const [id, trace] of traces) {
    for (const rule of new Set(trace.map((t) => t.rule))) {
      const s = stat(rule);
      s.fired++;
      if (!scored.has(id)) continue;
      s.events++;
      if (matched.strict.has(id)) s.strict++;
      if (matched.relaxed.has(id)) s.relaxed++;
    }
  }
  for (const trace of dropped) for (const rule of new Set(trace.map((t) => t.rule))) stat(rule).fired++;
  return [...stats.values()].sort((a, b) => b.fired - a.fired || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0));
}

const pct = (n: number, d: number) => (d ? `${Math.round((100 * n) / d)}%` : '-');

/** The `--rules` table: one line a rule, weakest evidence easy to spot (relaxed precision column). */
export function formatRuleStats(stats: readonly RuleStat[]): string {
  const width = Math.max(4, ...stats.map((s) => s.rule.length));
  const head = `${'rule'.padEnd(width)}  fired  events  strict  relaxed  rel.prec`;
  const lines = stats.map(
    (s) =>
      `${s.rule.padEnd(width)}  ${String(s.fired).padStart(5)}  ${String(s.events).padStart(6)}  ${String(s.strict).padStart(6)}  ${String(s.relaxed).padStart(7)}  ${pct(s.relaxed, s.events).padStart(8)}`,
  );
  return [head, ...lines].join('\n');
}

/**
 * Gold articles the input has no text for, and the gold file without them (a text still being
 * restored is not a miss). A document that is there but was skipped stays: its events count as misses.
 */
export function withoutMissing(gold: GoldFile, documents: readonly { id: string }[]): { gold: GoldFile; missing: string[] } {
  const present = new Set(documents.map((d) => d.id));
  const missing = gold.articles.filter((a) => !present.has(a.id)).map((a) => a.id);
  return { gold: { articles: gold.articles.filter((a) => present.has(a.id)) }, missing };
}
