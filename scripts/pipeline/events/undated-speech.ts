/**
 * Speech with no day of its own. The contract puts an act with no time cue in a news lead on the
 * publication day; a statement past the lead with no cue of its own (the date stage fell back to the
 * publication day or the dateline's day, the document's dates, not the sentence's) is the article's
 * quotes and remarks, said on an occasion the text does not date: it is no event. A statement that answers an earlier act ("in response said ...") is news and stays.
 * Rule id: events.context.undatedSpeech (event-rules.json `context.undatedSpeech`).
 */
import rules from '../../data/event-rules.json' with { type: 'json' };
import type { DateEvidence, Sentence } from '../types.ts';

const RESPONSE = new RegExp(rules.context.response, 'iu');
const TYPES: ReadonlySet<string> = new Set(rules.context.undatedSpeech);
export const UNDATED_SPEECH_RULE = 'events.context.undatedSpeech';

/** Whether an event of `type` in `sentence`, dated by `evidence`, is undated speech past the lead. */
export function isUndatedSpeech(type: string, evidence: DateEvidence, sentence: Sentence, leadParagraph: number): boolean {
  return TYPES.has(type) && (evidence === 'publication' || evidence === 'dateline') && sentence.paragraph > leadParagraph && !RESPONSE.test(sentence.text);
}
