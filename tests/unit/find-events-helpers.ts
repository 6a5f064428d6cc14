/**
 * Shared by the issue-9 event tests: a body written for the test, read as an article published on
 * Tuesday 2025-07-15, segmented, and its event candidates found sentence by sentence.
 */
import { createActorResolver, type ActorResolver } from '../../scripts/pipeline/actors.ts';
import { extractDocument } from '../../scripts/pipeline/extract-document.ts';
import { findEvents } from '../../scripts/pipeline/find-events.ts';
import { parseDocument } from '../../scripts/pipeline/parse-document.ts';
import { segment } from '../../scripts/pipeline/segment.ts';
import type { EventCandidate, ExtractedEvent } from '../../scripts/pipeline/types.ts';

export function segOf(body: string) {
  const parsed = parseDocument({ id: 'doc', path: 'doc.txt', text: ` date 2025-07-15 Test article\n\n${body}\n`, warnings: [] });
  if (!parsed.ok) throw new Error(parsed.skipped.reason);
  return segment(parsed.doc);
}

export function candidates(body: string): EventCandidate[] {
  const seg = segOf(body);
  return seg.sentences.flatMap((s) => findEvents(s, seg));
}

let actors: ActorResolver | undefined;
/** The events (with their traces) that the whole per-document pipeline extracts from a body written for the test. */
export function extractBody(body: string): ExtractedEvent[] {
  actors ??= createActorResolver();
  return extractDocument(segOf(body), actors, { trace: true }).events;
}

/** "sanction 2025-07-15 MDA,RUS": an event's type, day and countries, for comparing lists. */
export const brief = (e: ExtractedEvent): string => `${e.type} ${e.date} ${e.countries.join(',')}`;

/** The rule ids in an event's trace, in order. */
export const rulesOf = (e: ExtractedEvent | undefined): string[] => (e?.trace ?? []).map((s) => s.rule);

