import { describe, expect, it } from 'vitest';
import { quotedRanges } from '../../scripts/pipeline/events/quotes.ts';

describe('quotedRanges', () => {
  it('finds straight, curly and guillemet quotations with their word counts', () => {
    const t = 'He said "we will not yield now" and added “talks go on” before «fin».';
    const r = quotedRanges(t);
    expect(r.map((q) => t.slice(q.start, q.end))).toEqual(['"we will not yield now"', '“talks go on”', '«fin»']);
    expect(r.map((q) => q.words)).toEqual([5, 3, 1]);
  });

  it('takes apostrophes for no quotation and runs an open one to the end', () => {
    expect(quotedRanges("Russia's and Burkina Faso‘s envoys met the minister’s aide")).toEqual([]);
    const t = 'the envoy replied: ‘not today';
    expect(quotedRanges(t)).toEqual([{ start: t.indexOf('‘'), end: t.length, words: 2 }]);
    expect(quotedRanges('still quoting here” said the aide', false)).toEqual([{ start: 0, end: 19, words: 3 }]);
  });
});
