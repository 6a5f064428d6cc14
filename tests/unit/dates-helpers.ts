/** Shared by the date-resolver tests: one sentence at a fixed place in a document, with a candidate on its trigger word. */
import type { EventCandidate, EventType, Modality, Sentence } from '../../scripts/pipeline/types.ts';

export interface CandidateOptions {
  type?: EventType;
  modality?: Modality;
  needsOwnDate?: boolean;
  /** Where the sentence starts in its document (200 by default). */
  offset?: number;
}

export function candidateIn(text: string, trigger: string, opts: CandidateOptions = {}): { sentence: Sentence; candidate: EventCandidate & { needsOwnDate?: boolean } } {
  const offset = opts.offset ?? 200;
  const sentence: Sentence = { index: 4, paragraph: 2, text, start: offset, end: offset + text.length, kind: 'body' };
  const at = text.indexOf(trigger);
  if (at < 0) throw new Error(`no ${trigger}`);
  const candidate: EventCandidate & { needsOwnDate?: boolean } = {
    type: opts.type ?? 'meeting',
    trigger: { start: offset + at, end: offset + at + trigger.length, text: trigger },
    clause: { start: offset, end: offset + text.length },
    modality: opts.modality ?? 'asserted',
    confidence: 0.9,
    rule: 'test',
    ...(opts.needsOwnDate ? { needsOwnDate: true } : {}),
  };
  return { sentence, candidate };
}
