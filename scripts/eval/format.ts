/**
 * Renders a score as plain text for the terminal: overall and per-type P/R/F1 (strict and
 * relaxed), per-article recall, then each miss and each unmatched system event with a
 * diagnosis. Pure: returns a string.
 */
import { explainMiss, explainUnmatched } from './diagnose.ts';
import { MATCHERS, normaliseEvent, type GoldFile, type ModeScore, type ScoreResult, type SystemEvent } from './score.ts';

export interface FormatOptions {
  /** Also list strict-only misses and the source sentence of each unmatched event. */
  verbose?: boolean;
}

const f3 = (n: number): string => n.toFixed(3);
const pad = (s: string, n: number): string => (s.length >= n ? s : s + ' '.repeat(n - s.length));
const padL = (s: string, n: number): string => (s.length >= n ? s : ' '.repeat(n - s.length) + s);

function prfCells(m: ModeScore): string {
  return `${f3(m.precision)}  ${f3(m.recall)}  ${f3(m.f1)}  ${padL(`${m.sysMatched}/${m.sys}`, 7)} ${padL(`${m.reqMatched}/${m.req}`, 7)}`;
}

function eventLine(e: { type: string; date: string; countries?: string[] }): string {
  return `${pad(e.type, 10)} ${e.date} ${(e.countries ?? []).join(',') || '-'}`;
}

function clip(s: string, n: number): string {
  const one = s.replace(/\s+/g, ' ').trim();
  return one.length > n ? `${one.slice(0, n - 1)}…` : one;
}

/** The whole report. `system` is the full list of output events (to explain each miss). */
export function formatScoreReport(result: ScoreResult, gold: GoldFile, system: readonly SystemEvent[], opts: FormatOptions = {}): string {
  const out: string[] = [];
  out.push(`Evaluation: ${result.articles} gold articles, ${result.systemEvents} system events scored`);
  out.push('');
  const head = `${pad('', 12)}P      R      F1     matched  found`;
  for (const mode of ['strict', 'relaxed'] as const) {
    out.push(`${mode.toUpperCase()} (${mode === 'strict' ? 'same type, same day, same countries' : 'type family, ±1 day, country Jaccard ≥ 0.5'})`);
    out.push(head);
    out.push(`${pad('overall', 12)}${prfCells(result.overall[mode])}`);
    for (const [type, scores] of Object.entries(result.byType)) out.push(`${pad(type, 12)}${prfCells(scores[mode])}`);
    out.push('');
  }
  out.push('(matched = system events that matched / system events; found = required gold found / required gold)');
  out.push('');

  out.push('Per article (required gold found, strict | relaxed; system events):');
  for (const a of result.perArticle) {
    out.push(`  ${pad(a.id, 40)} ${padL(`${a.strict.reqMatched}/${a.strict.req}`, 6)} | ${padL(`${a.relaxed.reqMatched}/${a.relaxed.req}`, 6)}   sys ${a.sys}`);
  }
  out.push('');

  const sysOf = (article: string): SystemEvent[] => system.filter((e) => (e.sources ?? []).some((s) => s.document === article));
  const goldOf = (article: string) => gold.articles.find((a) => a.id === article)?.events ?? [];

  const relaxedMisses = result.misses.filter((m) => m.mode === 'relaxed');
  out.push(`Missed required gold events (relaxed): ${relaxedMisses.length}`);
  for (const m of relaxedMisses) {
    const why = explainMiss(m.gold, sysOf(m.article));
    out.push(`  ${pad(m.article, 36)} ${eventLine(m.gold)}  (${m.gold.note ?? ''})`);
    out.push(`      -> ${why.diagnosis}${why.detail ? `: ${why.detail}` : ''}`);
  }
  out.push('');

  if (opts.verbose) {
    const relaxedKeys = new Set(relaxedMisses.map((m) => m.gold));
    const strictOnly = result.misses.filter((m) => m.mode === 'strict' && !relaxedKeys.has(m.gold));
    out.push(`Missed only in strict mode (found relaxed, but a detail differs): ${strictOnly.length}`);
    for (const m of strictOnly) {
      const near = sysOf(m.article)
        .filter((s) => MATCHERS.relaxed(normaliseEvent(s), m.gold))
        .map((s) => eventLine(s));
      out.push(`  ${pad(m.article, 36)} ${eventLine(m.gold)}  (${m.gold.note ?? ''})`);
      if (near.length) out.push(`      close system events: ${near.slice(0, 3).join(' | ')}`);
    }
    out.push('');
  }

  const relaxedUnmatched = result.unmatched.filter((u) => u.mode === 'relaxed');
  out.push(`Unmatched system events (relaxed): ${relaxedUnmatched.length}`);
  for (const u of relaxedUnmatched) {
    const why = explainUnmatched(u.event, goldOf(u.article));
    out.push(`  ${pad(u.article, 36)} ${eventLine(u.event)}  ${u.event.title ?? ''}`);
    out.push(`      -> ${why.diagnosis}${why.detail ? `: ${why.detail}` : ''}`);
    const sentence = u.event.sources?.find((s) => s.document === u.article)?.sentence;
    if (opts.verbose && sentence) out.push(`      « ${clip(sentence, 220)} »`);
  }
  return out.join('\n');
}
