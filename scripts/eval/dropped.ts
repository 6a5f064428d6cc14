/**
 * What a document's extraction dropped, for finding where a gold event that nothing resembles was
 * lost: each dropped candidate with the rule id that dropped it (the last step of its trace) and the
 * trigger rule that made it (the first), and, on request, each body sentence that gave no candidate
 * at all (no trigger matched). Used by `scripts/explain-dropped.ts`.
 */
import type { ActorResolver } from '../pipeline/actors.ts';
import { extractDocument } from '../pipeline/extract-document.ts';
import { findEvents } from '../pipeline/find-events.ts';
import type { Trace } from '../pipeline/trace.ts';
import type { SegmentedDocument } from '../pipeline/types.ts';

export interface DropRow {
  /** 'dropped': a candidate was made and a rule dropped it; 'silent': a body sentence with no candidate. */
  kind: 'dropped' | 'silent';
  /** The rule id that dropped the candidate (dropped), or '' (silent). */
  rule: string;
  /** What the dropping step said (dropped), or ''. */
  why: string;
  /** The first step of the candidate's trace: the trigger rule and what it matched (dropped); the sentence (silent). */
  what: string;
}

const oneLine = (s: string, max: number) => {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
};

/** The rows for one segmented document. */
export function dropRows(seg: SegmentedDocument, actors: ActorResolver, opts: { silent?: boolean } = {}): DropRow[] {
  const rows: DropRow[] = [];
  const r = extractDocument(seg, actors, { trace: true });
  for (const trace of r.droppedTraces ?? ([] as Trace[])) {
    const last = trace[trace.length - 1];
    const first = trace[0];
    if (!last) continue;
    const what = first && first !== last ? `${first.rule}: ${first.action}${first.detail ? ` (${first.detail})` : ''}` : '';
    rows.push({ kind: 'dropped', rule: last.rule, why: last.action, what: oneLine(what, 160) });
  }
  if (opts.silent) {
    for (const s of seg.sentences) {
      if (s.kind !== 'body' || !s.text) continue;
      if (findEvents(s, seg).length === 0) rows.push({ kind: 'silent', rule: '', why: '', what: oneLine(s.text, 200) });
    }
  }
  return rows;
}

/** Tab-separated lines: document id, kind, rule, why, what. */
export function formatDropRows(doc: string, rows: readonly DropRow[]): string[] {
  return rows.map((r) => [doc, r.kind, r.rule, r.why, r.what].join('\t'));
}

/** Counts of dropped candidates by the rule that dropped them, most frequent first. */
export function tallyDropRules(rows: readonly DropRow[]): [string, number][] {
  const n = new Map<string, number>();
  for (const r of rows) if (r.kind === 'dropped') n.set(r.rule, (n.get(r.rule) ?? 0) + 1);
  return [...n.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}
