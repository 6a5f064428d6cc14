/**
 * Splits a sentence around its trigger words for highlighting. Offsets are
 * relative to the sentence; anything out of range or empty gives no highlight.
 * Returns plain strings: the caller renders them as escaped text.
 */
export interface HighlightParts {
  before: string;
  mark: string;
  after: string;
}

export function splitHighlight(
  sentence: string,
  trigger: { start: number; end: number } | undefined,
): HighlightParts {
  if (
    !trigger ||
    !Number.isInteger(trigger.start) ||
    !Number.isInteger(trigger.end) ||
    trigger.start < 0 ||
    trigger.end <= trigger.start ||
    trigger.end > sentence.length
  ) {
    return { before: sentence, mark: '', after: '' };
  }
  return {
    before: sentence.slice(0, trigger.start),
    mark: sentence.slice(trigger.start, trigger.end),
    after: sentence.slice(trigger.end),
  };
}
