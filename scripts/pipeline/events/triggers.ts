/**
 * Trigger detection: every rule of scripts/data/event-rules.json compiled once into two
 * alternations (case-insensitive and case-sensitive), each rule a numbered group. One pass
 * of each regex over a sentence finds all triggers.
 */
import rules from '../../data/event-rules.json' with { type: 'json' };
import type { EventType } from '../types.ts';
import { readPattern } from './patterns.ts';

export type TriggerType = EventType | 'attribution';
export type TriggerForm = 'verb' | 'noun';

export interface TriggerRule {
  name: string;
  type: TriggerType;
  form: TriggerForm;
  confidence: number;
  /** Position in the data file: lower wins ties. */
  order: number;
}

export interface TriggerMatch {
  rule: TriggerRule;
  /** Offsets relative to the searched text. */
  start: number;
  end: number;
  text: string;
}

interface Compiled {
  re: RegExp;
  /** For each rule in `re`, the index of its wrapping capture group. */
  groups: { group: number; rule: TriggerRule }[];
}

function countGroups(source: string): number {
  return (new RegExp(`${source}|`, 'u').exec('')?.length ?? 1) - 1;
}

function compile(list: { rule: TriggerRule; source: string }[], flags: string): Compiled | null {
  if (list.length === 0) return null;
  const groups: Compiled['groups'] = [];
  let next = 1;
  const parts = list.map(({ rule, source }) => {
    groups.push({ group: next, rule });
    next += 1 + countGroups(source);
    return `(${source})`;
  });
  return { re: new RegExp(parts.join('|'), flags), groups };
}

const ci: { rule: TriggerRule; source: string }[] = [];
const cs: { rule: TriggerRule; source: string }[] = [];
rules.triggers.forEach((t, order) => {
  const p = readPattern(t.pattern, rules.macros);
  const rule: TriggerRule = { name: t.name, type: t.type as TriggerType, form: t.form as TriggerForm, confidence: t.confidence, order };
  (p.caseSensitive ? cs : ci).push({ rule, source: p.source });
});
const COMPILED = [compile(ci, 'giu'), compile(cs, 'gu')].filter((c): c is Compiled => c !== null);

/** All trigger rules, in data-file order (for tests and reports). */
export const TRIGGER_RULES: readonly TriggerRule[] = [...ci, ...cs].map((x) => x.rule).sort((a, b) => a.order - b.order);

function runOne(c: Compiled, text: string, out: TriggerMatch[]): void {
  c.re.lastIndex = 0;
  for (let m = c.re.exec(text); m; m = c.re.exec(text)) {
    if (m[0].length === 0) {
      c.re.lastIndex++;
      continue;
    }
    const hit = c.groups.find((g) => m![g.group] !== undefined);
    const words = m[0].trimEnd();
    if (hit) out.push({ rule: hit.rule, start: m.index, end: m.index + words.length, text: words });
  }
}

/**
 * Non-overlapping trigger matches in `text`, in order of position. Where the two passes
 * overlap, the earlier match wins, then the earlier rule.
 */
export function findTriggers(text: string): TriggerMatch[] {
  const all: TriggerMatch[] = [];
  for (const c of COMPILED) runOne(c, text, all);
  all.sort((a, b) => a.start - b.start || a.rule.order - b.rule.order);
  const kept: TriggerMatch[] = [];
  let reach = -1;
  for (const m of all) {
    if (m.start < reach) continue;
    kept.push(m);
    reach = m.end;
  }
  return kept;
}
