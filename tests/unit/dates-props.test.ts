import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDayText, resolveDate } from '../../scripts/pipeline/dates.ts';
import { toDayNumber } from '../../scripts/pipeline/dates/day-math.ts';
import type { EventCandidate, Sentence } from '../../scripts/pipeline/types.ts';

// Pieces of news-like text with many date words, glued at random, to hunt for crashes and bad output.
const WORDS = [
  'on Monday', 'Tuesday', 'last Friday', 'next week', 'July 13', '13 July 2025', 'Dec. 31', 'yesterday', 'today',
  'two days ago', 'hours after', 'a day before', 'the same day', 'earlier this month', 'in June', 'mid-March',
  'in 2022', 'within 50 days', 'by Friday', 'the July 20 deadline', 'since May', 'may', 'March', 'will', 'met',
  'said', '"', '“', '”', ',', '.', 'the talks', 'Feb 29', 'February 30', '2025-02-29', '9/11', '24/7', '2 p.m.',
  'later this year', 'recently', 'the 1990s', "Sunday's", 'as soon as possible', 'following', 'after', '',
];

const sentenceArb = fc.array(fc.oneof(fc.constantFrom(...WORDS), fc.string({ maxLength: 6 })), { maxLength: 30 }).map((parts) => parts.join(' '));
const dayArb = fc.date({ min: new Date(Date.UTC(1990, 0, 1)), max: new Date(Date.UTC(2040, 11, 31)), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));

const isDay = (s: string | null | undefined) => s === null || s === undefined || toDayNumber(s) !== null;

describe('resolveDate on arbitrary text', () => {
  it('never throws; dates are real days; cue offsets lie in the sentence', () => {
    fc.assert(
      fc.property(sentenceArb, dayArb, fc.nat(), fc.nat(1000), (text, published, pos, offset) => {
        const full = `${text} met`;
        const at = text.length === 0 ? full.length - 3 : pos % full.length;
        const sentence: Sentence = { index: 0, paragraph: 0, text: full, start: offset, end: offset + full.length, kind: 'body' };
        const candidate: EventCandidate = {
          type: 'meeting',
          trigger: { start: offset + at, end: offset + Math.min(full.length, at + 3), text: full.slice(at, at + 3) },
          clause: { start: offset, end: offset + full.length },
          modality: 'asserted',
          confidence: 1,
          rule: 'prop',
        };
        const r = resolveDate(sentence, candidate, { published, previous: [{ type: 'meeting', date: published, trigger: 'talks' }] });
        expect(isDay(r.date)).toBe(true);
        expect(isDay(r.deadline)).toBe(true);
        if (r.range) expect(r.range.from <= r.range.to).toBe(true);
        if (r.cue) {
          expect(r.cue.start).toBeGreaterThanOrEqual(sentence.start);
          expect(r.cue.end).toBeLessThanOrEqual(sentence.end);
          expect(full.slice(r.cue.start - offset, r.cue.end - offset)).toBe(r.cue.text);
        }
        // A past-tense event with a day is never placed after publication unless flagged future.
        if (r.date && r.date > published) expect(r.future).toBe(true);
      }),
      { numRuns: 400 },
    );
  });

  it('parseDayText never throws and returns a real day or null', () => {
    fc.assert(
      fc.property(sentenceArb, dayArb, (text, published) => {
        expect(isDay(parseDayText(text, published))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
