/**
 * Shared by the issue-9 event tests: a body written for the test, read as an article published on
 * Tuesday 2025-07-15, segmented, and its event candidates found sentence by sentence.
 */
import { findEvents } from '../../scripts/pipeline/find-events.ts';
import { parseDocument } from '../../scripts/pipeline/parse-document.ts';
import { segment } from '../../scripts/pipeline/segment.ts';
import type { EventCandidate } from '../../scripts/pipeline/types.ts';

export function segOf(body: string) {
  const parsed = parseDocument({ id: 'doc', path: 'doc.txt', text: ` date 2025-07-15 Test article\n\n${body}\n`, warnings: [] });
  if (!parsed.ok) throw new Error(parsed.skipped.reason);
  return segment(parsed.doc);
}

export function candidates(body: string): EventCandidate[] {
  const seg = segOf(body);
  return seg.sentences.flatMap((s) => findEvents(s, seg));
}
