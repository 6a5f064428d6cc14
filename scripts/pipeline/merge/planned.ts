/**
 * A report told as still to come and a report told as done are not one event, for acts that are
 * announced and then held (meeting, visit, agreement, military, sanction; rule
 * merge.planned-vs-held in merge-rules.json `plannedVsHeld`). The per-document stages drop what
 * they read as planned, but a planned act named far from its future verb ("will undertake a
 * series of engagements in Auckland and Wellington, including bilateral meetings with ...") can
 * come through, dated by the article's other act. Merged with the held meeting of another
 * article, it would absorb it and lend it its borrowed day. So the merge reads, in the words of
 * the report's clause before its trigger (back to a clause boundary: "after", "which", "said" ...),
 * a future marker: "will"/"shall", a form of "be" followed by "to", "due to", "set to",
 * "scheduled to", "expected to", or "plans to", "intends to". Pure word comparison, no pattern.
 */
import rules from '../../data/merge-rules.json' with { type: 'json' };
import type { ExtractedEvent } from '../types.ts';

const R = rules.plannedVsHeld;
export const PLANNED_VS_HELD_RULE = R.id;
const FUTURE: ReadonlySet<string> = new Set(R.futureWords);
const BE: ReadonlySet<string> = new Set(R.beVerbs);
const BE_TO: ReadonlySet<string> = new Set(R.beTo);
const PLAN: ReadonlySet<string> = new Set(R.planVerbs);
const STOP: ReadonlySet<string> = new Set(R.clauseStop);
const MAX_WORDS = R.maxWordsBefore;
/** Acts that are announced, then held; a threat or a statement tells what will happen by its nature. */
const TYPES: ReadonlySet<string> = new Set(R.types);

const cache = new WeakMap<ExtractedEvent, boolean>();

/** The lowercased words of `text`, a null for a sentence-internal break (";", ":", a quote mark). */
function words(text: string): (string | null)[] {
  const out: (string | null)[] = [];
  for (const raw of text.toLowerCase().split(/\s+/u)) {
    if (raw === '') continue;
    let w = raw;
    // "he'll" -> "he" + "'ll"
    const ll = w.endsWith("'ll") || w.endsWith('’ll');
    if (ll) w = w.slice(0, -3);
    const breakAfter = /[;:"“”]$/u.test(w);
    const breakBefore = /^["“”]/u.test(w);
    let a = 0;
    let b = w.length;
    while (a < b && !isWordChar(w[a]!)) a++;
    while (b > a && !isWordChar(w[b - 1]!)) b--;
    if (breakBefore) out.push(null);
    if (b > a) out.push(w.slice(a, b));
    if (ll) out.push("'ll");
    if (breakAfter) out.push(null);
  }
  return out;
}

function isWordChar(c: string): boolean {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c === '-' || c.toUpperCase() !== c.toLowerCase();
}

/** Whether the report tells its act as still to come (see the header). */
export function plannedReport(ev: ExtractedEvent): boolean {
  let hit = cache.get(ev);
  if (hit === undefined) {
    hit = computePlanned(ev);
    cache.set(ev, hit);
  }
  return hit;
}

function computePlanned(ev: ExtractedEvent): boolean {
  const s = ev.source.sentence;
  const t = ev.source.trigger;
  if (!TYPES.has(ev.type) || !s || !t) return false;
  // The trigger's own words count too ("will visit"), up to its last word.
  const ws = words(s.slice(0, t.end));
  const last = ws.length - 1;
  for (let i = last, n = 0; i >= 0 && n < MAX_WORDS; i--, n++) {
    const w = ws[i];
    if (w === null || w === undefined) return false;
    // A clause boundary before the trigger's own words ends the clause.
    if (STOP.has(w) && i < last) return false;
    if (FUTURE.has(w)) return true;
    const next = ws[i + 1];
    if (BE.has(w) && next !== null && next !== undefined && BE_TO.has(next)) {
      if (next === 'to') return true;
      if (ws[i + 2] === 'to') return true;
    }
    if (PLAN.has(w) && next === 'to') return true;
  }
  return false;
}

/** Two reports of which one tells the act as planned and the other as done (see the header). */
export function plannedAgainstHeld(a: ExtractedEvent, b: ExtractedEvent): boolean {
  return plannedReport(a) !== plannedReport(b);
}
