import { describe, expect, it } from 'vitest';
import { generateArticle, generateCorpus } from '../../scripts/eval/synthetic-corpus.ts';

describe('synthetic benchmark corpus', () => {
  it('is deterministic for a seed and differs across seeds', () => {
    expect(generateCorpus(5, 7).map((d) => d.text)).toEqual(generateCorpus(5, 7).map((d) => d.text));
    expect(generateArticle(0, 1).text).not.toBe(generateArticle(0, 2).text);
  });

  it('writes articles in the seed format, of realistic length, with unique ids', () => {
    const docs = generateCorpus(200);
    expect(new Set(docs.map((d) => d.id)).size).toBe(200);
    for (const d of docs) {
      expect(d.text).toMatch(/^ date \d{4}-\d{2}-\d{2} \S.*\n\n\S/);
      const kb = Buffer.byteLength(d.text!, 'utf8') / 1000;
      expect(kb).toBeGreaterThan(2.9);
      expect(kb).toBeLessThan(6);
    }
  });

  it('varies countries and date cues across articles', () => {
    const text = generateCorpus(300).map((d) => d.text).join('\n');
    const titles = new Set(generateCorpus(300).map((d) => d.text!.split('\n')[0]!.slice(17)));
    expect(titles.size).toBeGreaterThan(250);
    for (const cue of ['yesterday', 'earlier this week', 'last Friday', 'on Monday', 'later this year']) expect(text).toContain(cue);
  });
});
